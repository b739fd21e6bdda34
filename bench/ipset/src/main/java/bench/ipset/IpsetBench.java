package bench.ipset;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SetVersion;
import dev.fleetpanel.node.blocklist.SyncBodyWriter;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * {@code java -cp "target/ipset-bench-1.jar:target/lib/*" bench.ipset.IpsetBench --jar AGENT_JAR
 * --work DIR [--entries 1000000] [--deltas 10] [--java-opts "..."]}: puts a list onto a fresh agent
 * through {@code POST /api/ipset/sync} (full, gzip), as the panel does, and measures the time and
 * the agent's memory; then a second and a 10%-changed full sync, 100-entry deltas against the full
 * set, and a restart that restores the list before listening. Prints markdown.
 */
public final class IpsetBench {

  /** The agent's JVM options of bin/fleetpanel and its systemd unit. */
  static final String AGENT_OPTIONS =
      "-Xmx24m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=48m";

  private final Agent[] agent = new Agent[1];
  private final List<String> rows = new ArrayList<>();
  private HttpClient http;

  public static void main(String[] args) throws Exception {
    new IpsetBench().run(Options.parse(args));
  }

  private void run(Options options) throws Exception {
    Path work = options.work();
    Files.createDirectories(work);
    Enrolment enrolment = new Enrolment();
    enrolment.write(work.resolve("node"));
    SSLContext tls = enrolment.panel();
    http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .sslParameters(TrustMaterial.panelParameters(tls))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (Namespace namespace = Namespace.create("fpbench" + ProcessHandle.current().pid())) {
      measure(options, namespace);
    } finally {
      if (agent[0] != null) {
        agent[0].close();
      }
    }
    System.out.println(report(options));
  }

  private void measure(Options options, Namespace namespace) throws Exception {
    long started = System.nanoTime();
    agent[0] = launch(options, namespace);
    row("agent start-up, empty lists (to the first /health)", millis(started), "");
    List<String> list = Lists.ipv4(options.entries(), 1);
    byte[] body = gzipped(list);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SyncBodyWriter.writeFull(json, Direction.IN, ListKind.PERMANENT, list);
    row(
        "request body",
        0,
        String.format("%.1f MB JSON, %.1f MB gzip", json.size() / 1e6, body.length / 1e6));
    double rss = agent[0].memoryMib("VmRSS");
    JsonObject first = timedSync(body, "full sync of " + options.entries() + " entries (new list)");
    check(
        first.getString("version").equals(SetVersion.of(list)), "version differs from the list's");
    String header = namespace.exec("ipset", "list", "-terse", "blocklist_permanent");
    check(header.contains("Number of entries: " + options.entries()), "kernel holds: " + header);
    row("agent RSS before the sync / peak (VmHWM) / after", 0, rssFigures(rss));
    timedSync(body, "the same list again (nothing changes)");
    List<String> changed = Lists.changed(list, options.entries() / 10, 2);
    JsonObject tenth = timedSync(gzipped(changed), "full sync with 10% of the entries replaced");
    deltas(options, changed, tenth.getString("version"));
    agent[0].close();
    started = System.nanoTime();
    agent[0] = launch(options, namespace);
    row(
        "agent restart with the list (restored into the kernel before listening)",
        millis(started),
        String.format("RSS after %.0f MiB", agent[0].memoryMib("VmRSS")));
  }

  private void deltas(Options options, List<String> current, String version) throws Exception {
    List<Double> times = new ArrayList<>();
    List<String> fresh = Lists.ipv4(options.deltas() * 50 + 1000, 3);
    java.util.Set<String> present = new java.util.HashSet<>(current);
    int next = 0;
    for (int i = 0; i < options.deltas(); i++) {
      List<String> add = new ArrayList<>();
      while (add.size() < 50) {
        String candidate = fresh.get(next++);
        if (!present.contains(candidate)) {
          add.add(candidate);
        }
      }
      List<String> remove = current.subList(i * 50, i * 50 + 50);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      SyncBodyWriter.writeDelta(body, Direction.IN, ListKind.PERMANENT, version, add, remove);
      long started = System.nanoTime();
      JsonObject answer = json(post(body.toByteArray(), null));
      times.add(millis(started));
      check(answer.getInt("added") == 50 && answer.getInt("removed") == 50, answer.toString());
      version = answer.getString("version");
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    row(
        "delta of 100 entries (50 added, 50 removed) against the full set, median of "
            + sorted.length,
        sorted[sorted.length / 2],
        String.format("fastest %.0f ms, slowest %.0f ms", sorted[0], sorted[sorted.length - 1]));
  }

  private Agent launch(Options options, Namespace namespace) throws Exception {
    Agent started =
        Agent.launch(
            options.java(),
            Arrays.asList(options.javaOptions().split("\\s+")),
            options.jar(),
            options.work(),
            namespace.name(),
            options.work().resolve("agent.log"));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      check(started.alive(), "the agent stopped; see " + options.work().resolve("agent.log"));
      try {
        HttpResponse<String> health =
            http.send(
                request(started, "/health").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return started;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(20);
    }
    throw new IOException("the agent did not answer within 120 s");
  }

  private JsonObject timedSync(byte[] body, String what) throws Exception {
    long started = System.nanoTime();
    JsonObject answer = json(post(body, "gzip"));
    row(
        what,
        millis(started),
        String.format(
            "added %d, removed %d, total %d",
            answer.getInt("added"), answer.getInt("removed"), answer.getInt("total")));
    return answer;
  }

  private HttpResponse<String> post(byte[] body, String encoding) throws Exception {
    HttpRequest.Builder request =
        request(agent[0], "/api/ipset/sync")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    check(response.statusCode() == 200, response.statusCode() + " " + response.body());
    return response;
  }

  private static HttpRequest.Builder request(Agent agent, String path) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + agent.port() + path))
        .timeout(Duration.ofSeconds(120));
  }

  private String rssFigures(double before) throws IOException {
    return String.format(
        "%.0f / %.0f / %.0f MiB", before, agent[0].memoryMib("VmHWM"), agent[0].memoryMib("VmRSS"));
  }

  private byte[] gzipped(List<String> list) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
      SyncBodyWriter.writeFull(gzip, Direction.IN, ListKind.PERMANENT, list);
    }
    return out.toByteArray();
  }

  private void row(String what, double millis, String note) {
    rows.add(
        "| "
            + what
            + " | "
            + (millis > 0 ? String.format("%.0f ms", millis) : "")
            + " | "
            + note
            + " |");
  }

  private String report(Options options) {
    StringBuilder out = new StringBuilder();
    out.append("Agent JVM: `").append(options.javaOptions()).append("`\n\n");
    out.append("| what | time | notes |\n|---|---|---|\n");
    rows.forEach(row -> out.append(row).append('\n'));
    return out.toString();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static double millis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
