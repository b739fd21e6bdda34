package bench.fleet;

import jakarta.json.stream.JsonGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The system section: host facts, boot time (UTC, whole seconds) and uptime from the model's last
 * boot, and TCP state counts that follow the number of established connections.
 */
final class SystemJson {

  private SystemJson() {}

  static void write(JsonGenerator g, NodeModel node, Instant now) {
    HostProfile host = node.profile();
    long uptime = Math.max(0, Duration.between(node.bootTime(), now).toSeconds());
    g.writeStartObject("system");
    g.write("hostname", host.hostname());
    g.write("os", host.os());
    g.write("kernel", host.kernel());
    g.write("architecture", "amd64");
    g.write("boot_time", node.bootTime().truncatedTo(ChronoUnit.SECONDS).toString());
    g.write("uptime_seconds", uptime);
    g.write("uptime_human", human(uptime));
    g.write("boot_id", node.bootId());
    connections(g, node);
    g.writeStartObject("conntrack");
    g.write("count", node.established() * 3L + 40);
    g.write("max", 262_144);
    g.writeEnd();
    g.writeEnd();
  }

  private static void connections(JsonGenerator g, NodeModel node) {
    int established = node.established();
    int listen = node.profile().listening();
    int timeWait = established / 4;
    int closeWait = established / 50;
    int finWait = established / 30;
    int other = 1;
    int total = established + listen + timeWait + closeWait + finWait + other;
    g.writeStartObject("connections");
    g.write("established", established);
    g.write("listen", listen);
    g.write("time_wait", timeWait);
    g.write("other", total - established - listen - timeWait);
    g.writeEnd();
    g.writeStartObject("connections_detailed");
    g.writeStartObject("tcp");
    g.write("total", total);
    g.write("established", established);
    g.write("listen", listen);
    g.write("time_wait", timeWait);
    g.write("close_wait", closeWait);
    g.write("syn_sent", 0);
    g.write("syn_recv", 0);
    g.write("fin_wait", finWait);
    g.write("other", other);
    g.writeEnd();
    g.writeStartObject("udp");
    g.write("total", 4 + listen / 2);
    g.writeEnd();
    g.writeEnd();
  }

  /** As the agent writes it: "3d 4h 5m", zero units left out, "0m" under a minute. */
  static String human(long seconds) {
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("d ");
    }
    if (hours > 0) {
      text.append(hours).append("h ");
    }
    if (minutes > 0 || text.length() == 0) {
      text.append(minutes).append("m");
    }
    return text.toString().trim();
  }
}
