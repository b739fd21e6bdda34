package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The agent with and without many open TCP sockets, run by {@code bin/bench} inside a network
 * namespace of its own (so the sockets, and the agent's {@code /proc/net/tcp}, are only the
 * bench's): background CPU with no requests, latency, and the socket count the agent reports.
 */
final class SocketsRun {

  private static final Duration HELPER_DEADLINE = Duration.ofSeconds(180);
  private static final Duration COUNT_DEADLINE = Duration.ofSeconds(30);
  private static final int HELPER_BASE_PORT = 20001;

  /** Connections per helper: 16,000 descriptors, under a 20,000 open-file cap root cannot lift. */
  private static final int PAIRS_PER_HELPER = 8_000;

  /** Each helper listens on this many consecutive ports. */
  private static final int PORTS_PER_HELPER = 4;

  private final Levers levers;
  private final Path jar;
  private final Path work;
  private final Pki pki;
  private final String lever;
  private final int sockets;
  private final Path helper;
  private final int windowSeconds;
  private final int samples;

  SocketsRun(Options options, Levers levers, Path jar, Path work, Pki pki) {
    this.levers = levers;
    this.jar = jar;
    this.work = work;
    this.pki = pki;
    this.lever = options.text("lever", "unit");
    this.sockets = options.number("sockets", 100_000);
    this.helper = options.path("helper");
    this.windowSeconds = options.number("window-seconds", 60);
    this.samples = options.number("samples", 60);
  }

  String run() throws Exception {
    Launch launch = levers.named(lever);
    List<List<String>> rows = new ArrayList<>();
    try (AgentUnderTest agent = AgentUnderTest.start(launch, jar, work, pki)) {
      // Settle: the first requests and samples JIT-compile the paths measured below.
      agent.poll("/api/metrics", 200, Duration.ZERO);
      rows.add(row("without the extra sockets", agent));
      List<Process> helpers = new ArrayList<>();
      try {
        holdSockets(helpers);
        long reported = awaitCount(agent, sockets);
        AgentBench.progress("the agent reports " + reported + " TCP sockets");
        rows.add(row(sockets + " extra sockets held", agent));
      } finally {
        helpers.forEach(helper -> Children.stop(helper, 10));
      }
    }
    return "Option set `"
        + launch.describe()
        + "`; background CPU = the agent's utime+stime over "
        + windowSeconds
        + " s without any request; latency over "
        + samples
        + " GETs of `/api/metrics` 1 s apart on a kept-alive connection.\n\n"
        + Report.table(
            List.of(
                "case",
                "TCP sockets the agent reports (`tcp.total`)",
                "background CPU, % of one core (user, kernel)",
                "p50 / p99 (ms)",
                "RSS (MB)"),
            rows);
  }

  /** Background CPU first (no request in its window), then the count, then latency. */
  private List<String> row(String label, AgentUnderTest agent) throws Exception {
    AgentProcess.Cpu cpu = agent.idleCpu(Duration.ofSeconds(windowSeconds));
    long count = agent.tcpTotal();
    AgentUnderTest.Series series = agent.poll("/api/metrics", samples, Duration.ofSeconds(1));
    double percent = percentOfCore(cpu.totalMillis());
    AgentBench.progress(
        label
            + ": "
            + count
            + " sockets, "
            + Report.fixed(percent, 2)
            + " % CPU, "
            + series.latency().text()
            + " ms");
    return List.of(
        label,
        Long.toString(count),
        Report.fixed(percent, 2)
            + " % (user "
            + Report.fixed(percentOfCore(cpu.userMillis()), 2)
            + ", kernel "
            + Report.fixed(percentOfCore(cpu.systemMillis()), 2)
            + ") "
            + (percent < 2 ? "(met: under 2 %)" : "(**not met**: goal under 2 %)"),
        series.latency().text() + (series.latency().p99() < 10 ? " (met)" : " (**not met**)"),
        Report.mb(series.rssEndKb()));
  }

  private double percentOfCore(long cpuMillis) {
    return cpuMillis / 10.0 / windowSeconds;
  }

  /** Starts helpers (sockets.py) until they hold {@code sockets} sockets, each one ready first. */
  private void holdSockets(List<Process> helpers) throws Exception {
    AgentBench.progress(
        "opening " + sockets + " TCP sockets (" + sockets / 2 + " loopback connections)");
    int port = HELPER_BASE_PORT;
    for (int left = sockets / 2; left > 0; left -= PAIRS_PER_HELPER) {
      helpers.add(startHelper(Math.min(left, PAIRS_PER_HELPER), port));
      port += PORTS_PER_HELPER;
    }
  }

  private Process startHelper(int pairs, int basePort) throws Exception {
    Process process =
        Children.track(
            new ProcessBuilder(
                    "python3",
                    helper.toString(),
                    Integer.toString(pairs),
                    Integer.toString(basePort))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String line =
        CompletableFuture.supplyAsync(() -> readLine(out))
            .get(HELPER_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    if (line == null || !line.startsWith("ready ")) {
      Children.stop(process, 5);
      throw new IOException("sockets.py did not get ready: " + line);
    }
    return process;
  }

  /**
   * Polls the agent's count until it includes the helper's sockets (the slow sampler runs every 5
   * s).
   */
  private static long awaitCount(AgentUnderTest agent, long atLeast) throws Exception {
    long deadline = System.nanoTime() + COUNT_DEADLINE.toNanos();
    long count = agent.tcpTotal();
    while (count < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      count = agent.tcpTotal();
    }
    if (count < atLeast) {
      throw new IOException("the agent reports " + count + " TCP sockets, not at least " + atLeast);
    }
    return count;
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
