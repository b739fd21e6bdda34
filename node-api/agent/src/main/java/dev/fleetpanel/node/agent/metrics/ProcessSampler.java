package dev.fleetpanel.node.agent.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns two {@link ProcessSnapshot}s into a {@link ProcessSummary}.
 *
 * <p>CPU % of a process = (utime + stime ticks used between the samples) / ticks per second /
 * elapsed seconds / logical cores × 100, so it runs 0..100 over the whole machine. A process is
 * matched across samples by pid <em>and</em> start time: a reused pid is a new process. A new
 * process has no baseline and shows 0 % until the next sample, as psutil's first {@code
 * cpu_percent} call does; a process that vanished is simply absent from the later sample. CPU time
 * that went backwards counts 0. Memory % = RSS / {@code MemTotal} × 100.
 *
 * <p>{@link #summarise} is pure; {@link #sample} reads through the given source and remembers the
 * snapshot as the baseline of the next call.
 */
public final class ProcessSampler {
  /** Length of each top list. */
  public static final int TOP = 10;

  /** The kernel's {@code USER_HZ} on every mainstream architecture. */
  public static final long DEFAULT_TICKS_PER_SECOND = 100;

  private final int logicalCores;
  private final long ticksPerSecond;
  private final Supplier<ProcessSnapshot> source;
  private ProcessSnapshot previous;

  /**
   * @param logicalCores the host's logical CPUs (the {@code cpuN} lines of {@code /proc/stat}), not
   *     a container's CPU quota, since process ticks are host-wide
   * @param ticksPerSecond {@code USER_HZ}, normally {@link #DEFAULT_TICKS_PER_SECOND}
   * @param source reads one snapshot, e.g. {@code new ProcessReader(root)::read}
   */
  public ProcessSampler(int logicalCores, long ticksPerSecond, Supplier<ProcessSnapshot> source) {
    this.logicalCores = Math.max(1, logicalCores);
    this.ticksPerSecond = Math.max(1, ticksPerSecond);
    this.source = source;
  }

  /** Reads a snapshot and compares it with the previous call's; the first call shows 0 % CPU. */
  public synchronized ProcessSummary sample() {
    ProcessSnapshot now = source.get();
    ProcessSummary summary = summarise(previous, now);
    previous = now;
    return summary;
  }

  /** Compares two snapshots; {@code earlier} may be null when there is no baseline yet. */
  public ProcessSummary summarise(ProcessSnapshot earlier, ProcessSnapshot later) {
    Map<Integer, ProcessSample> before =
        earlier == null
            ? Map.of()
            : earlier.processes().stream()
                .collect(Collectors.toMap(ProcessSample::pid, Function.identity(), (a, b) -> a));
    double seconds = earlier == null ? 0 : (later.takenAtNanos() - earlier.takenAtNanos()) / 1e9;
    List<Scored> scored =
        later.processes().stream()
            .map(p -> new Scored(p, seconds > 0 ? ticksUsed(before.get(p.pid()), p) : 0))
            .toList();
    return new ProcessSummary(
        scored.size(),
        count(later, 'R'),
        count(later, 'S'),
        top(scored, Comparator.comparingLong(Scored::ticks).reversed(), seconds, later),
        top(scored, Comparator.comparingLong(Scored::rss).reversed(), seconds, later));
  }

  private static long ticksUsed(ProcessSample before, ProcessSample now) {
    if (before == null || before.startTime() != now.startTime()) {
      return 0;
    }
    return Math.max(0, now.cpuTicks() - before.cpuTicks());
  }

  private static int count(ProcessSnapshot snapshot, char state) {
    return (int) snapshot.processes().stream().filter(p -> p.state() == state).count();
  }

  private List<ProcessInfo> top(
      List<Scored> scored, Comparator<Scored> order, double seconds, ProcessSnapshot later) {
    return scored.stream()
        .sorted(order.thenComparingInt(s -> s.process().pid()))
        .limit(TOP)
        .map(s -> info(s, seconds, later.memTotalBytes()))
        .toList();
  }

  private ProcessInfo info(Scored s, double seconds, long memTotal) {
    ProcessSample p = s.process();
    double cpu = seconds > 0 ? s.ticks() * 100.0 / ticksPerSecond / seconds / logicalCores : 0;
    double memory = memTotal > 0 ? p.rssBytes() * 100.0 / memTotal : 0;
    return new ProcessInfo(
        p.pid(),
        p.name(),
        p.user(),
        p.status(),
        Math.round(Math.min(100, cpu) * 10) / 10.0,
        Math.round(Math.min(100, memory) * 100) / 100.0,
        p.rssBytes());
  }

  private record Scored(ProcessSample process, long ticks) {
    long rss() {
      return process.rssBytes();
    }
  }
}
