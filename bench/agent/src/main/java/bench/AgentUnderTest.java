package bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * One running agent with the panel's kept-alive connection to it, and the measurements the bench
 * takes on it. Every loop is bounded by a count or a deadline.
 */
final class AgentUnderTest implements AutoCloseable {

  /**
   * What a series of requests cost: latencies, the agent's CPU over the whole window, and its
   * resident memory (largest sample and the last).
   */
  record Series(
      Latencies latency, long cpuMillis, long windowMillis, long rssMaxKb, long rssEndKb) {

    double cpuPerRequestMillis() {
      return (double) cpuMillis / latency.count();
    }

    double cpuSecondsPerMinute() {
      return cpuMillis / 1000.0 * 60_000 / windowMillis;
    }
  }

  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  private static final Pattern TCP_TOTAL =
      Pattern.compile(
          "\"connections_detailed\"\\s*:\\s*\\{\\s*\"tcp\"\\s*:\\s*\\{\\s*\"total\"\\s*:\\s*(\\d+)");

  private final AgentProcess process;
  private final MtlsClient client;
  private final long startupMillis;

  private AgentUnderTest(AgentProcess process, MtlsClient client, long startupMillis) {
    this.process = process;
    this.client = client;
    this.startupMillis = startupMillis;
  }

  /**
   * Starts the agent as {@code launch} says (after a training run that writes the AppCDS archive,
   * if it asks for one and none is there yet) and waits for its first 200 over mutual TLS.
   *
   * @param work the run's scratch directory: enrolled files in {@code node/}, logs, archives
   */
  static AgentUnderTest start(Launch launch, Path jar, Path work, Pki pki) throws Exception {
    Launch effective =
        launch.cds() ? launch.plus(launch.name(), cdsUse(launch, jar, work, pki)) : launch;
    return startPlain(effective, jar, work, pki);
  }

  /**
   * Starts the agent {@code runs} times one after another (each stopped before the next), keeps the
   * last one running, and gives it the median of the start-up times: one start-up on a shared
   * 2-core machine varies by hundreds of milliseconds.
   */
  static AgentUnderTest startMedian(Launch launch, Path jar, Path work, Pki pki, int runs)
      throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 1; i < runs; i++) {
      try (AgentUnderTest agent = start(launch, jar, work, pki)) {
        times.add(agent.startupMillis);
      }
    }
    AgentUnderTest last = start(launch, jar, work, pki);
    times.add(last.startupMillis);
    times.sort(null);
    return new AgentUnderTest(last.process, last.client, times.get(times.size() / 2));
  }

  /** Launch to the first 200 of {@code /health} over mutual TLS, in milliseconds. */
  long startupMillis() {
    return startupMillis;
  }

  long pid() {
    return process.pid();
  }

  long rssKb() throws IOException {
    return process.rssKb();
  }

  long cpuMillis() throws IOException {
    return process.cpuMillis();
  }

  /**
   * {@code count} GETs of {@code path} on the kept-alive connection, one every {@code spacing}
   * (back to back when zero). The CPU window is {@code count * spacing} (or the time taken), so the
   * idle time between polls is counted as a real poller's would be.
   */
  Series poll(String path, int count, Duration spacing) throws IOException, InterruptedException {
    List<Double> millis = new ArrayList<>(count);
    long rssMax = 0;
    long cpuBefore = process.cpuMillis();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sleepUntil(start + i * spacing.toNanos());
      millis.add(ok(client.get(path, false)).millis());
      if (!spacing.isZero()) {
        rssMax = Math.max(rssMax, process.rssKb());
      }
    }
    sleepUntil(start + count * spacing.toNanos());
    long window = (System.nanoTime() - start) / 1_000_000;
    long cpu = process.cpuMillis() - cpuBefore;
    long rssEnd = process.rssKb();
    return new Series(Latencies.of(millis), cpu, window, Math.max(rssMax, rssEnd), rssEnd);
  }

  /** The agent's CPU over {@code window} with no request at all: its background sampling. */
  AgentProcess.Cpu idleCpu(Duration window) throws IOException, InterruptedException {
    AgentProcess.Cpu before = process.cpu();
    Thread.sleep(window.toMillis());
    return process.cpu().minus(before);
  }

  /** One GET on the kept-alive connection, with or without {@code Accept-Encoding: gzip}. */
  MtlsClient.Response get(String path, boolean gzip) throws IOException {
    return ok(client.get(path, gzip));
  }

  /** The agent's own count of TCP sockets ({@code system.connections_detailed.tcp.total}). */
  long tcpTotal() throws IOException {
    String body = new String(get("/api/metrics", false).body(), StandardCharsets.UTF_8);
    Matcher matcher = TCP_TOTAL.matcher(body);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
  }

  /** TLS connections the bench has opened to this agent since its start-up probe. */
  int connections() {
    return client.connections();
  }

  @Override
  public void close() {
    client.close();
    process.close();
  }

  /** Thrown when the agent process ends before its first answer. */
  static final class StoppedDuringStartUp extends IOException {
    StoppedDuringStartUp(String message) {
      super(message);
    }
  }

  /**
   * Starts the agent; one that stops before its first answer is started once more (its log kept as
   * NAME.failed.log). It happened once in a recorded run, exiting in an orderly way after about 1 s
   * with nothing in its log, while other jobs shared the machine.
   */
  private static AgentUnderTest startPlain(Launch launch, Path jar, Path work, Pki pki)
      throws Exception {
    try {
      return launchOnce(launch, jar, work, pki);
    } catch (StoppedDuringStartUp e) {
      Path log = logOf(launch, work);
      Files.move(
          log,
          log.resolveSibling(log.getFileName() + ".failed.log"),
          StandardCopyOption.REPLACE_EXISTING);
      AgentBench.progress(e.getMessage().lines().findFirst().orElse("") + "; starting it again");
      return launchOnce(launch, jar, work, pki);
    }
  }

  private static Path logOf(Launch launch, Path work) {
    return work.resolve(launch.name().replaceAll("[^A-Za-z0-9.+-]", "_") + ".log");
  }

  private static AgentUnderTest launchOnce(Launch launch, Path jar, Path work, Pki pki)
      throws Exception {
    Path node = Files.createDirectories(work.resolve("node"));
    if (!Files.exists(node.resolve("node.key"))) {
      pki.writeEnrolledFiles(node);
    }
    int port = freePort();
    Map<String, String> env = new TreeMap<>(launch.env());
    env.put("FLEETPANEL_NODE_BIND", Pki.ADDRESS);
    env.put("FLEETPANEL_NODE_PORT", Integer.toString(port));
    env.put("FLEETPANEL_NODE_DIR", node.toString());
    // The seed's agent manages no firewall at start: neither does this one here, so start-up and
    // memory compare like for like, and the host's firewall is left alone.
    env.put("FLEETPANEL_NODE_BLOCKLIST", "off");
    env.put("FLEETPANEL_NODE_STATE_DIR", work.resolve("state").toString());
    // A path that does not exist: this machine's /etc/fleetpanel-node/agent.conf must not count.
    env.put("FLEETPANEL_NODE_CONFIG", work.resolve("no-agent.conf").toString());
    SSLContext panel = pki.panelContext();
    Path log = logOf(launch, work);
    long start = System.nanoTime();
    AgentProcess process = AgentProcess.launch(launch.java(), launch.options(), jar, env, log);
    try {
      waitForFirstAnswer(launch, process, panel, port, log);
    } catch (Exception e) {
      process.close();
      throw e;
    }
    long startup = (System.nanoTime() - start) / 1_000_000;
    return new AgentUnderTest(process, new MtlsClient(panel, port), startup);
  }

  /** A new connection every 10 ms until {@code /health} answers 200 over mutual TLS. */
  private static void waitForFirstAnswer(
      Launch launch, AgentProcess process, SSLContext panel, int port, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.alive()) {
        throw new StoppedDuringStartUp(
            "the agent "
                + launch.name()
                + " stopped during start-up (exit status "
                + process.exitStatus()
                + "):\n"
                + tail(log));
      }
      try (MtlsClient probe = new MtlsClient(panel, port)) {
        if (probe.get("/health", false).status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet, or listening before TLS is ready: try again shortly.
      }
      Thread.sleep(10);
    }
    throw new IOException("no 200 from /health within " + START_DEADLINE + ":\n" + tail(log));
  }

  /**
   * The option that uses this launch's AppCDS archive, made first by a training run (start, a few
   * requests of every kind, TERM: the JVM writes the archive as it exits) if it is not there.
   */
  private static List<String> cdsUse(Launch launch, Path jar, Path work, Pki pki) throws Exception {
    String key = launch.java() + " " + launch.options() + " " + launch.env();
    Path archive =
        Files.createDirectories(work.resolve("cds"))
            .resolve(HexFormat.of().toHexDigits(key.hashCode()) + ".jsa");
    if (!Files.exists(archive)) {
      Launch training =
          launch.plus(
              launch.name() + "-cds-training", List.of("-XX:ArchiveClassesAtExit=" + archive));
      try (AgentUnderTest agent = startPlain(training, jar, work, pki)) {
        for (String path :
            List.of("/api/metrics", "/api/version", "/metrics", "/api/metrics/cpu")) {
          agent.poll(path, 20, Duration.ZERO);
        }
      }
      if (!Files.exists(archive)) {
        throw new IOException("the training run wrote no CDS archive " + archive);
      }
    }
    return List.of("-XX:SharedArchiveFile=" + archive);
  }

  private static MtlsClient.Response ok(MtlsClient.Response response) throws IOException {
    if (response.status() != 200) {
      throw new IOException(
          "agent answered " + response.status() + ": " + new String(response.body()));
    }
    return response;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Pki.ADDRESS))) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
