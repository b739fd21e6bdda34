package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {
  private static final long GIB = 1L << 30;
  private static final long SECOND = 1_000_000_000L;
  private final ProcessSampler sampler = new ProcessSampler(4, 100, () -> null);

  @Test
  void cpuPercentIsNormalisedOverAllCores() {
    ProcessSnapshot earlier =
        snapshot(
            0,
            proc(10, "java", 'R', 1000, GIB),
            proc(20, "nginx", 'S', 500, GIB / 4),
            proc(30, "sshd", 'S', 0, GIB / 8),
            proc(40, "cron", 'S', 5, GIB / 16));
    ProcessSnapshot later =
        snapshot(
            2 * SECOND,
            proc(10, "java", 'R', 1800, GIB),
            proc(20, "nginx", 'S', 600, GIB / 4),
            proc(30, "sshd", 'S', 30, GIB / 8),
            proc(40, "cron", 'S', 5, GIB / 16));

    ProcessSummary summary = sampler.summarise(earlier, later);

    // 800 ticks at 100 Hz in 2 s = 4 CPU-seconds per second: all 4 cores
    assertThat(summary.topByCpu())
        .containsExactly(
            new ProcessInfo(10, "java", "user10", "running", 100.0, 12.5, GIB),
            new ProcessInfo(20, "nginx", "user20", "sleeping", 12.5, 3.13, GIB / 4),
            new ProcessInfo(30, "sshd", "user30", "sleeping", 3.8, 1.56, GIB / 8),
            new ProcessInfo(40, "cron", "user40", "sleeping", 0.0, 0.78, GIB / 16));
  }

  @Test
  void aReusedPidIsANewProcessNotAHugeOrNegativeDelta() {
    ProcessSnapshot earlier = snapshot(0, proc(50, 100, "old", 'S', 90_000, GIB));
    ProcessSnapshot later = snapshot(SECOND, proc(50, 777, "new", 'R', 40, GIB));

    ProcessInfo reused = sampler.summarise(earlier, later).topByCpu().get(0);

    assertThat(reused.name()).isEqualTo("new");
    assertThat(reused.cpuPercent()).isZero();
  }

  @Test
  void aVanishedProcessIsSkippedAndANewOneStartsAtZero() {
    ProcessSnapshot earlier =
        snapshot(0, proc(60, "gone", 'R', 100, GIB), proc(61, "stays", 'S', 0, 1));
    ProcessSnapshot later =
        snapshot(SECOND, proc(61, "stays", 'S', 4, 1), proc(70, "fresh", 'R', 500, 1));

    ProcessSummary summary = sampler.summarise(earlier, later);

    assertThat(summary.total()).isEqualTo(2);
    assertThat(summary.topByCpu())
        .extracting(ProcessInfo::pid, ProcessInfo::cpuPercent)
        .containsExactly(tuple(61, 1.0), tuple(70, 0.0));
  }

  @Test
  void cpuTimeGoingBackwardsCountsZeroAndNothingExceedsHundred() {
    ProcessSnapshot earlier = snapshot(0, proc(1, "a", 'S', 900, 1), proc(2, "b", 'R', 0, 1));
    ProcessSnapshot later = snapshot(SECOND, proc(1, "a", 'S', 100, 1), proc(2, "b", 'R', 2000, 1));

    ProcessSummary summary = sampler.summarise(earlier, later);

    assertThat(summary.topByCpu()).extracting(ProcessInfo::cpuPercent).containsExactly(100.0, 0.0);
  }

  @Test
  void topListsHoldTenOrderedWithTiesByAscendingPid() {
    List<ProcessSample> before = new ArrayList<>();
    List<ProcessSample> after = new ArrayList<>();
    long[] ticks = {5, 5, 10, 0, 7, 7, 7, 1, 2, 3, 4, 5};
    long[] rss = {3, 9, 9, 1, 2, 8, 9, 4, 5, 6, 7, 1};
    for (int i = 0; i < ticks.length; i++) {
      int pid = 100 + i;
      before.add(proc(pid, "p" + pid, 'S', 0, rss[i] * GIB / 16));
      after.add(proc(pid, "p" + pid, 'S', ticks[i], rss[i] * GIB / 16));
    }

    ProcessSummary summary = sampler.summarise(snapshot(0, before), snapshot(SECOND, after));

    assertThat(summary.total()).isEqualTo(12);
    assertThat(summary.topByCpu())
        .extracting(ProcessInfo::pid)
        .containsExactly(102, 104, 105, 106, 100, 101, 111, 110, 109, 108);
    assertThat(summary.topByMemory())
        .extracting(ProcessInfo::pid)
        .containsExactly(101, 102, 106, 105, 110, 109, 108, 107, 100, 104);
  }

  @Test
  void countsRunningAndSleepingStates() {
    char[] states = {'R', 'S', 'S', 'D', 'I', 'Z', 'T', 'R'};
    List<ProcessSample> processes =
        IntStream.range(0, states.length).mapToObj(i -> proc(i + 1, "p", states[i], 0, 1)).toList();

    ProcessSummary summary = sampler.summarise(null, snapshot(0, processes));

    assertThat(summary.total()).isEqualTo(8);
    assertThat(summary.running()).isEqualTo(2);
    assertThat(summary.sleeping()).isEqualTo(2);
    assertThat(summary.topByCpu())
        .extracting(ProcessInfo::status)
        .containsExactly(
            "running",
            "sleeping",
            "sleeping",
            "disk-sleep",
            "idle",
            "zombie",
            "stopped",
            "running");
  }

  @Test
  void withoutABaselineOrElapsedTimeCpuIsZeroButMemoryIsKnown() {
    ProcessSnapshot only = snapshot(SECOND, proc(1, "a", 'R', 5000, 2 * GIB));

    ProcessInfo first = sampler.summarise(null, only).topByCpu().get(0);
    ProcessInfo same = sampler.summarise(only, only).topByCpu().get(0);

    assertThat(first.cpuPercent()).isZero();
    assertThat(first.memoryPercent()).isEqualTo(25.0);
    assertThat(same.cpuPercent()).isZero();
  }

  @Test
  void unknownMemTotalGivesZeroMemoryPercent() {
    ProcessSnapshot noMemTotal = new ProcessSnapshot(0, 0, List.of(proc(1, "a", 'R', 0, GIB)));

    assertThat(sampler.summarise(null, noMemTotal).topByMemory().get(0).memoryPercent()).isZero();
  }

  @Test
  void emptySnapshotsGiveAnEmptySummary() {
    assertThat(sampler.summarise(snapshot(0, List.of()), snapshot(SECOND, List.of())))
        .isEqualTo(ProcessSummary.EMPTY);
  }

  @Test
  void sampleComparesEachReadWithThePreviousOne() {
    Deque<ProcessSnapshot> reads =
        new ArrayDeque<>(
            List.of(
                snapshot(0, proc(1, "a", 'R', 0, 1)),
                snapshot(SECOND, proc(1, "a", 'R', 200, 1)),
                snapshot(3 * SECOND, proc(1, "a", 'R', 300, 1))));
    ProcessSampler reading = new ProcessSampler(4, 100, reads::poll);

    assertThat(reading.sample().topByCpu().get(0).cpuPercent()).isZero();
    assertThat(reading.sample().topByCpu().get(0).cpuPercent()).isEqualTo(50.0);
    assertThat(reading.sample().topByCpu().get(0).cpuPercent()).isEqualTo(12.5);
  }

  private static ProcessSnapshot snapshot(long nanos, ProcessSample... processes) {
    return snapshot(nanos, List.of(processes));
  }

  private static ProcessSnapshot snapshot(long nanos, List<ProcessSample> processes) {
    return new ProcessSnapshot(nanos, 8 * GIB, processes);
  }

  private static ProcessSample proc(int pid, String name, char state, long ticks, long rss) {
    return proc(pid, 1000 + pid, name, state, ticks, rss);
  }

  private static ProcessSample proc(
      int pid, long start, String name, char state, long ticks, long rss) {
    return new ProcessSample(pid, start, name, "user" + pid, state, ticks, rss);
  }
}
