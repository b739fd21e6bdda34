package bench.fleet;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link NodeModel} as the real agent's {@code /api/metrics} document: the same sections
 * and field names (pinned by the agent's golden file), sizes and counters in bytes, rates per
 * second, percentages 0..100, {@code timestamp} the UTC instant of the request.
 */
final class MetricsDocument {

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  /** The processes a host shows at the top: name, user, pid, share of CPU use, share of RAM. */
  private static final List<Proc> PROCESSES =
      List.of(
          new Proc(1, "systemd", "root", 0.01, 0.002),
          new Proc(612, "sshd", "root", 0.005, 0.001),
          new Proc(812, "nginx", "www-data", 0.15, 0.01),
          new Proc(1024, "postgres", "postgres", 0.25, 0.15),
          new Proc(2301, "java", "app", 0.45, 0.3));

  private record Proc(int pid, String name, String user, double cpuShare, double ramShare) {}

  private final String agentVersion;

  MetricsDocument(String agentVersion) {
    this.agentVersion = agentVersion;
  }

  byte[] write(NodeModel node, Instant now) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(6 * 1024);
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      g.writeStartObject();
      g.write("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
      cpu(g, node);
      memory(g, node);
      DiskJson.write(g, node);
      NetworkJson.write(g, node);
      processes(g, node);
      SystemJson.write(g, node, now);
      g.write("agent_version", agentVersion);
      g.writeEnd();
    }
    return out.toByteArray();
  }

  private static void cpu(JsonGenerator g, NodeModel node) {
    HostProfile host = node.profile();
    g.writeStartObject("cpu");
    g.write("cores_physical", host.cores());
    g.write("cores_logical", host.cores());
    g.write("model", host.cpuModel());
    g.write("usage_percent", round(node.cpuPercent(), 1));
    g.writeStartArray("per_cpu_percent");
    for (double core : node.perCpuPercent()) {
      g.write(round(core, 1));
    }
    g.writeEnd();
    g.write("load_avg_1", round(node.load1(), 2));
    g.write("load_avg_5", round(node.load5(), 2));
    g.write("load_avg_15", round(node.load15(), 2));
    g.writeStartObject("frequency");
    g.write("current", host.mhz());
    g.writeNull("min");
    g.writeNull("max");
    g.writeEnd();
    g.writeEnd();
  }

  /** RAM as the agent derives it: used = total - available; free, buffers, cached within it. */
  private static void memory(JsonGenerator g, NodeModel node) {
    HostProfile host = node.profile();
    long total = host.ramTotal();
    long used = (long) (total * node.ramShare());
    long available = total - used;
    g.writeStartObject("memory");
    g.writeStartObject("ram");
    g.write("total", total);
    g.write("used", used);
    g.write("free", available / 5);
    g.write("available", available);
    g.write("percent", round(100.0 * used / total, 1));
    g.write("buffers", available / 20);
    g.write("cached", available * 7 / 10);
    g.writeEnd();
    long swap = host.swapTotal();
    long swapUsed = (long) (swap * node.swapShare());
    g.writeStartObject("swap");
    g.write("total", swap);
    g.write("used", swapUsed);
    g.write("free", swap - swapUsed);
    g.write("percent", swap == 0 ? 0.0 : round(100.0 * swapUsed / swap, 1));
    g.writeEnd();
    g.writeEnd();
  }

  private static void processes(JsonGenerator g, NodeModel node) {
    int total = node.processes();
    int running = 1 + (int) (node.cpuPercent() / 25);
    g.writeStartObject("processes");
    g.write("total", total);
    g.write("running", running);
    g.write("sleeping", Math.max(0, total - running - 3));
    topBy(g, "top_by_cpu", node, Comparator.comparingDouble(Proc::cpuShare).reversed());
    topBy(g, "top_by_memory", node, Comparator.comparingDouble(Proc::ramShare).reversed());
    g.writeEnd();
  }

  private static void topBy(JsonGenerator g, String name, NodeModel node, Comparator<Proc> order) {
    HostProfile host = node.profile();
    double usedRam = host.ramTotal() * node.ramShare();
    double cpuTotal = node.cpuPercent() * host.cores();
    g.writeStartArray(name);
    for (Proc p : PROCESSES.stream().sorted(order).toList()) {
      long rss = (long) (usedRam * p.ramShare());
      g.writeStartObject();
      g.write("pid", p.pid());
      g.write("name", p.name());
      g.write("user", p.user());
      g.write("cpu_percent", round(cpuTotal * p.cpuShare(), 1));
      g.write("memory_percent", round(100.0 * rss / host.ramTotal(), 2));
      g.write("rss", rss);
      g.write("status", p.cpuShare() > 0.1 ? "running" : "sleeping");
      g.writeEnd();
    }
    g.writeEnd();
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
