package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuUsageTest {
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private static CpuTimes sample(String name) {
    return CpuTimesParser.parse(text("cpu/" + name)).orElseThrow();
  }

  @Test
  void oneSecondApartGivesKnownPercentages() {
    CpuUsage usage =
        CpuUsage.between(sample("stat-4core.txt"), sample("stat-4core-1s-later.txt"), ONE_SECOND);

    // cpu0 70 of 100 ticks busy, cpu1 20, cpu2 2, cpu3 100 (its 30 guest ticks are inside user)
    assertThat(usage.perCorePercent()).containsExactly(70.0, 20.0, 2.0, 100.0);
    assertThat(usage.cores()).extracting(CpuUsage.CorePercent::cpu).containsExactly(0, 1, 2, 3);
    assertThat(usage.totalPercent()).isEqualTo(48.0);
    assertThat(usage.measured()).isTrue();
  }

  @Test
  void identicalSamplesAreTooFewTicksAndKeepThePreviousValue() {
    CpuTimes before = sample("stat-4core.txt");
    CpuTimes after = sample("stat-4core-1s-later.txt");
    CpuUsage previous = CpuUsage.between(before, after, ONE_SECOND);

    CpuUsage next = previous.next(after, after, ONE_SECOND);

    assertThat(next.totalPercent()).isEqualTo(48.0);
    assertThat(next.perCorePercent()).containsExactly(70.0, 20.0, 2.0, 100.0);
    assertThat(next.measured()).isFalse();
  }

  @Test
  void fewerThanTwentyTicksPerCoreIsIgnored() {
    CpuTimes before =
        CpuTimesParser.parse("cpu  10 0 10 80 0 0 0 0\ncpu0 10 0 10 80 0 0 0 0\n").orElseThrow();
    CpuTimes after =
        CpuTimesParser.parse("cpu  29 0 10 80 0 0 0 0\ncpu0 29 0 10 80 0 0 0 0\n").orElseThrow();

    assertThat(CpuUsage.between(before, after, ONE_SECOND))
        .isEqualTo(new CpuUsage(0.0, List.of(new CpuUsage.CorePercent(0, 0.0)), false));

    CpuTimes enough =
        CpuTimesParser.parse("cpu  30 0 10 80 0 0 0 0\ncpu0 30 0 10 80 0 0 0 0\n").orElseThrow();
    assertThat(CpuUsage.between(before, enough, ONE_SECOND).totalPercent()).isEqualTo(100.0);
  }

  @Test
  void windowShorterThanTwoHundredMillisecondsKeepsThePreviousUsage() {
    CpuTimes before = sample("stat-4core.txt");
    CpuTimes after = sample("stat-4core-1s-later.txt");
    CpuUsage previous = new CpuUsage(12.5, List.of(), true);

    CpuUsage next = previous.next(before, after, Duration.ofMillis(150));

    assertThat(next.totalPercent()).isEqualTo(12.5);
    assertThat(next.measured()).isFalse();
    assertThat(CpuUsage.between(before, after, Duration.ofMillis(-5))).isEqualTo(CpuUsage.NONE);
    assertThat(CpuUsage.between(before, after, CpuUsage.MIN_WINDOW).measured()).isTrue();
  }

  @Test
  void counterResetAfterRebootIsNeverNegative() {
    CpuTimes before = sample("stat-4core.txt");
    CpuTimes after = sample("stat-4core-1s-later.txt");
    CpuUsage previous = CpuUsage.between(before, after, ONE_SECOND);

    CpuUsage afterReboot = previous.next(after, sample("stat-after-reboot.txt"), ONE_SECOND);

    assertThat(afterReboot.totalPercent()).isEqualTo(48.0);
    assertThat(afterReboot.perCorePercent()).containsExactly(70.0, 20.0, 2.0, 100.0);
    assertThat(afterReboot.measured()).isFalse();
    assertThat(CpuUsage.between(after, sample("stat-after-reboot.txt"), ONE_SECOND))
        .satisfies(usage -> assertThat(usage.perCorePercent()).containsOnly(0.0));
  }

  @Test
  void cpuGoingOfflineMeasuresTheRemainingCoresAndKeepsTheTotal() {
    CpuTimes before = sample("stat-4core.txt");
    CpuTimes after = sample("stat-4core-1s-later.txt");
    CpuUsage previous = CpuUsage.between(before, after, ONE_SECOND);

    // The kernel still sums offline cpu3 into the aggregate line, with a smaller idle counter.
    CpuUsage next = previous.next(after, sample("stat-cpu3-offline.txt"), ONE_SECOND);

    assertThat(next.cores()).extracting(CpuUsage.CorePercent::cpu).containsExactly(0, 1, 2);
    assertThat(next.perCorePercent()).containsExactly(40.0, 40.0, 40.0);
    assertThat(next.totalPercent()).isEqualTo(48.0);
    assertThat(next.measured()).isFalse();
  }

  @Test
  void newlyOnlineCoreStartsAtZero() {
    CpuTimes oneCore =
        CpuTimesParser.parse("cpu  0 0 0 100 0 0 0 0\ncpu0 0 0 0 100 0 0 0 0\n").orElseThrow();
    CpuTimes twoCores =
        CpuTimesParser.parse(
                "cpu  150 0 0 450 0 0 0 0\ncpu0 50 0 0 150 0 0 0 0\ncpu1 100 0 0 300 0 0 0 0\n")
            .orElseThrow();

    CpuUsage usage = CpuUsage.between(oneCore, twoCores, ONE_SECOND);

    assertThat(usage.perCorePercent()).containsExactly(50.0, 0.0);
    assertThat(usage.totalPercent()).isEqualTo(30.0);
  }

  @Test
  void aSampleOlderThanFiveSecondsIsStale() {
    assertThat(CpuUsage.isStale(Duration.ofSeconds(5))).isFalse();
    assertThat(CpuUsage.isStale(Duration.ofMillis(5001))).isTrue();
  }
}
