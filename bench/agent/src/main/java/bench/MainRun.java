package bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * The figures of issue 3 against the seed's Python agent, for one or more option sets (one column
 * each): start-up, memory idle and polled, CPU per request and per minute, latency, body size.
 */
final class MainRun {

  /** What one option set gave; latencies in ms, memory in kB, CPU in ms. */
  private record Figures(
      long startupMillis,
      long rssIdleKb,
      AgentUnderTest.Series polled,
      AgentUnderTest.Series back,
      AgentUnderTest.Series slow,
      long backgroundCpuMillis,
      int bodyBytes,
      String gzip,
      int connections) {}

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
  private final int slowPolls;
  private final int slowSpacing;
  private final int backgroundSeconds;

  MainRun(Options options, Levers levers, Path jar, Path work, Pki pki) {
    this.levers = levers;
    this.jar = jar;
    this.work = work;
    this.pki = pki;
    this.names = options.words("levers", "unit");
    this.starts = options.number("starts", 5);
    this.idleSeconds = options.number("idle-seconds", 15);
    this.pollSeconds = options.number("poll-seconds", 300);
    this.warmup = options.number("warmup", 500);
    this.burst = options.number("burst", 3000);
    this.slowPolls = options.number("slow-polls", 30);
    this.slowSpacing = options.number("slow-spacing", 10);
    this.backgroundSeconds = options.number("background-seconds", 60);
  }

  String run() throws Exception {
    List<Launch> launches = names.stream().map(levers::named).toList();
    List<Figures> figures = new ArrayList<>();
    for (Launch launch : launches) {
      AgentBench.progress("figures for " + launch.name() + ": " + launch.describe());
      figures.add(measure(launch));
    }
    return legend(launches) + table(launches, figures);
  }

  /** In the order a node lives: start, idle, polled every second, a burst, the 10 s poll. */
  private Figures measure(Launch launch) throws Exception {
    try (AgentUnderTest agent = AgentUnderTest.startMedian(launch, jar, work, pki, starts)) {
      AgentBench.progress("start-up " + agent.startupMillis() + " ms (median of " + starts + ")");
      Thread.sleep(idleSeconds * 1000L);
      long idle = agent.rssKb();
      AgentBench.progress(
          "idle " + Report.mb(idle) + " MB; polling once a second for " + pollSeconds + " s");
      AgentUnderTest.Series polled = agent.poll("/api/metrics", pollSeconds, Duration.ofSeconds(1));
      agent.poll("/api/metrics", warmup, Duration.ZERO);
      AgentUnderTest.Series back = agent.poll("/api/metrics", burst, Duration.ZERO);
      AgentBench.progress(
          "polled "
              + Report.mb(polled.rssEndKb())
              + " MB; CPU/req "
              + Report.fixed(back.cpuPerRequestMillis(), 2)
              + " ms; now "
              + slowPolls
              + " polls "
              + slowSpacing
              + " s apart");
      AgentUnderTest.Series slow =
          agent.poll("/api/metrics", slowPolls, Duration.ofSeconds(slowSpacing));
      // Counted before the background window, which outlasts the agent's 30 s idle timeout.
      int connections = agent.connections();
      byte[] body = agent.get("/api/metrics", false).body();
      String gzip = gzipText(agent.get("/api/metrics", true), body);
      long background = agent.idleCpu(Duration.ofSeconds(backgroundSeconds)).totalMillis();
      return new Figures(
          agent.startupMillis(),
          idle,
          polled,
          back,
          slow,
          background,
          body.length,
          gzip,
          connections);
    }
  }

  /**
   * The size with {@code Accept-Encoding: gzip}: what the agent sent if it compressed, otherwise
   * what gzip at zlib's default level makes of the body, said as such.
   */
  private static String gzipText(MtlsClient.Response withGzip, byte[] plain) throws IOException {
    String encoding = withGzip.headers().getOrDefault("content-encoding", "");
    if (encoding.equalsIgnoreCase("gzip")) {
      return kb(withGzip.body().length) + " (the agent compresses)";
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(plain);
    }
    return "not compressed by the agent (answer "
        + kb(withGzip.body().length)
        + "); gzip -6 of the body: "
        + kb(compressed.size());
  }

  private String legend(List<Launch> launches) {
    StringBuilder text = new StringBuilder("Option sets (columns):\n\n");
    for (Launch launch : launches) {
      text.append("- ").append(launch.name()).append(": `").append(launch.describe()).append("`\n");
    }
    return text.append('\n').toString();
  }

  private String table(List<Launch> launches, List<Figures> all) {
    List<String> header = new ArrayList<>(List.of("Figure", "Seed's Python agent", "Goal"));
    launches.forEach(launch -> header.add(launch.name()));
    List<List<String>> rows = new ArrayList<>();
    rows.addAll(startupAndMemory(all));
    rows.addAll(cpu(all));
    rows.addAll(latency(all));
    rows.addAll(body(all));
    return Report.table(header, rows);
  }

  /** Start-up and resident memory. */
  private List<List<String>> startupAndMemory(List<Figures> all) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        row(
            "Start-up to the first answered request (median of " + starts + " starts)",
            "1.5 s",
            "under 1 s",
            all,
            f ->
                Report.fixed(f.startupMillis() / 1000.0, 2)
                    + " s "
                    + met(f.startupMillis() < 1000)));
    rows.add(
        row(
            "Resident memory idle (VmRSS " + idleSeconds + " s after start-up)",
            "72-82 MB",
            "64 MB or less (stretch 48 MB)",
            all,
            f -> Report.mb(f.rssIdleKb()) + " MB " + met(f.rssIdleKb() <= 64 * 1024)));
    rows.add(
        row(
            "Resident memory polled once a second for " + pollSeconds + " s: end (largest sample)",
            "72-82 MB",
            "64 MB or less (stretch 48 MB)",
            all,
            f ->
                Report.mb(f.polled().rssEndKb())
                    + " MB ("
                    + Report.mb(f.polled().rssMaxKb())
                    + ") "
                    + met(f.polled().rssMaxKb() <= 64 * 1024)));
    return rows;
  }

  /** CPU per request, per minute, and the background part of it. */
  private List<List<String>> cpu(List<Figures> all) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        row(
            "CPU per request (" + burst + " back-to-back on one kept-alive connection)",
            "about 8 ms",
            "under 2 ms",
            all,
            f ->
                Report.fixed(f.back().cpuPerRequestMillis(), 2)
                    + " ms "
                    + met(f.back().cpuPerRequestMillis() < 2)));
    rows.add(
        row(
            "CPU per minute at a " + slowSpacing + " s poll (" + slowPolls + " polls, kept alive)",
            "0.4 s",
            "under 0.2 s (1/3 % of a core)",
            all,
            f ->
                Report.fixed(f.slow().cpuSecondsPerMinute(), 2)
                    + " s ("
                    + Report.fixed(f.slow().cpuSecondsPerMinute() / 60 * 100, 2)
                    + " % of a core) "
                    + met(f.slow().cpuSecondsPerMinute() < 0.2)));
    rows.add(
        row(
            "of which background sampling (" + backgroundSeconds + " s without requests)",
            "-",
            "-",
            all,
            f ->
                Report.fixed(f.backgroundCpuMillis() / 1000.0 * 60 / backgroundSeconds, 2)
                    + " s per minute"));
    return rows;
  }

  /** Latency of `/api/metrics` at three spacings. */
  private List<List<String>> latency(List<Figures> all) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        row(
            "`/api/metrics` p50 / p99 at a " + slowSpacing + " s poll (" + slowPolls + " requests)",
            "cold cache: about 28 ms",
            "p99 under 10 ms",
            all,
            f -> f.slow().latency().text() + " ms " + met(f.slow().latency().p99() < 10)));
    rows.add(
        row(
            "`/api/metrics` p50 / p99 at a 1 s poll (" + pollSeconds + " requests)",
            "warm: 7 / 12 ms",
            "-",
            all,
            f -> f.polled().latency().text() + " ms"));
    rows.add(
        row(
            "`/api/metrics` p50 / p99 back-to-back (" + burst + " requests)",
            "warm: 7 / 12 ms",
            "-",
            all,
            f -> f.back().latency().text() + " ms"));
    return rows;
  }

  /** Body size, compression, and whether the poller's connection stayed alive. */
  private List<List<String>> body(List<Figures> all) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("`/api/metrics` body", "6.6 KB", "-", all, f -> kb(f.bodyBytes())));
    rows.add(row("`/api/metrics` body with `Accept-Encoding: gzip`", "-", "-", all, Figures::gzip));
    rows.add(
        row(
            "TLS connections the poller opened for all the polls above",
            "-",
            "1 (kept alive)",
            all,
            f -> Integer.toString(f.connections())));
    return rows;
  }

  private static List<String> row(
      String figure, String seed, String goal, List<Figures> all, Function<Figures, String> cell) {
    List<String> cells = new ArrayList<>(List.of(figure, seed, goal));
    all.forEach(f -> cells.add(cell.apply(f)));
    return cells;
  }

  private static String met(boolean met) {
    return met ? "(met)" : "(**not met**)";
  }

  private static String kb(int bytes) {
    return bytes + " bytes (" + Report.fixed(bytes / 1000.0, 1) + " KB)";
  }
}
