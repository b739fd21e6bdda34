package bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Each JVM option set in turn (one agent at a time, so they do not share the 2 cores): start-up,
 * memory idle and while polled once a second, CPU and latency of back-to-back keep-alive requests.
 */
final class LeverRun {

  private final Levers levers;
  private final Path jar;
  private final Path work;
  private final Pki pki;
  private final List<String> names;
  private final int starts;
  private final int idleSeconds;
  private final int pollSeconds;
  private final int warmup;
  private final int burst;

  LeverRun(Options options, Levers levers, Path jar, Path work, Pki pki) {
    this.levers = levers;
    this.jar = jar;
    this.work = work;
    this.pki = pki;
    this.names = options.words("levers", "");
    this.starts = options.number("starts", 3);
    this.idleSeconds = options.number("idle-seconds", 15);
    this.pollSeconds = options.number("poll-seconds", 60);
    this.warmup = options.number("warmup", 500);
    this.burst = options.number("burst", 2000);
  }

  String run() throws Exception {
    List<Launch> chosen =
        names.isEmpty() ? levers.all() : names.stream().map(levers::named).toList();
    List<List<String>> rows = new ArrayList<>();
    for (Launch launch : chosen) {
      AgentBench.progress("lever " + launch.name() + ": " + launch.describe());
      rows.add(row(launch));
    }
    return "Each lever adds to the row above unless its options say otherwise. Start-up: median of "
        + starts
        + " starts; idle RSS "
        + idleSeconds
        + " s after the first answer; polled = one `/api/metrics` per second on a kept-alive"
        + " connection for "
        + pollSeconds
        + " s; CPU/req and p50/p99 over "
        + burst
        + " back-to-back keep-alive requests after "
        + warmup
        + " warm-up ones.\n\n"
        + Report.table(
            List.of(
                "lever",
                "JVM options",
                "start-up (ms)",
                "RSS idle (MB)",
                "RSS polled, end / max (MB)",
                "CPU/req (ms)",
                "p50 / p99 back-to-back (ms)"),
            rows);
  }

  private List<String> row(Launch launch) throws Exception {
    try (AgentUnderTest agent = AgentUnderTest.startMedian(launch, jar, work, pki, starts)) {
      Thread.sleep(idleSeconds * 1000L);
      long idle = agent.rssKb();
      AgentUnderTest.Series polled = agent.poll("/api/metrics", pollSeconds, Duration.ofSeconds(1));
      agent.poll("/api/metrics", warmup, Duration.ZERO);
      AgentUnderTest.Series back = agent.poll("/api/metrics", burst, Duration.ZERO);
      AgentBench.progress(
          "  start-up "
              + agent.startupMillis()
              + " ms, idle "
              + Report.mb(idle)
              + " MB, polled "
              + Report.mb(polled.rssEndKb())
              + " MB");
      return List.of(
          launch.name(),
          "`" + launch.describe() + "`",
          Long.toString(agent.startupMillis()),
          Report.mb(idle),
          Report.mb(polled.rssEndKb()) + " / " + Report.mb(polled.rssMaxKb()),
          Report.fixed(back.cpuPerRequestMillis(), 2),
          back.latency().text());
    }
  }
}
