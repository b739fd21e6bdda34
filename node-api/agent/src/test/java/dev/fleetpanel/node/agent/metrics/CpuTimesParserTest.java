package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTimesParserTest {

  @Test
  void readsAggregateAndFourCoresWithoutGuestTime() {
    CpuTimes times = CpuTimesParser.parse(text("cpu/stat-4core.txt")).orElseThrow();

    assertThat(times.total())
        .isEqualTo(
            new CpuTimes.Ticks(
                CpuTimes.Ticks.AGGREGATE,
                16324599,
                6190,
                5370133,
                159488888,
                89332,
                0,
                459801,
                1200));
    assertThat(times.cores()).extracting(CpuTimes.Ticks::cpu).containsExactly(0, 1, 2, 3);
    CpuTimes.Ticks cpu3 = times.cores().get(3);
    assertThat(cpu3.busyTicks()).isEqualTo(4100000 + 1500 + 1350000 + 113000 + 1200);
    assertThat(cpu3.idleTicks()).isEqualTo(39800000 + 25000);
    assertThat(times.procsRunning()).hasValue(3);
    assertThat(times.procsBlocked()).hasValue(1);
  }

  @Test
  void oldKernelWithSevenFieldsHasZeroSteal() {
    CpuTimes times = CpuTimesParser.parse(text("cpu/stat-old-kernel.txt")).orElseThrow();

    assertThat(times.cores()).hasSize(2);
    assertThat(times.total().steal()).isZero();
    assertThat(times.total().softirq()).isEqualTo(456);
    assertThat(times.procsRunning()).isEmpty();
  }

  @Test
  void emptyInputHasNoTimes() {
    assertThat(CpuTimesParser.parse(text("cpu/empty.txt"))).isEmpty();
    assertThat(CpuTimesParser.parse("")).isEmpty();
    assertThat(CpuTimesParser.parse((String) null)).isEmpty();
    assertThat(CpuTimesParser.parse(List.of())).isEmpty();
  }

  @Test
  void truncatedLastLineIsDroppedNotMisread() {
    CpuTimes times = CpuTimesParser.parse(text("cpu/stat-truncated.txt")).orElseThrow();

    assertThat(times.cores()).extracting(CpuTimes.Ticks::cpu).containsExactly(0, 1);
  }

  @Test
  void garbageLinesAreSkippedAndFirstOccurrenceWins() {
    CpuTimes times = CpuTimesParser.parse(text("cpu/stat-garbage.txt")).orElseThrow();

    assertThat(times.total().user()).isEqualTo(16324599);
    assertThat(times.total().steal()).isEqualTo(1200);
    assertThat(times.cores()).extracting(CpuTimes.Ticks::cpu).containsExactly(0, 3);
    assertThat(times.cores().get(0).user()).isEqualTo(4213377);
    assertThat(times.procsRunning()).isEmpty();
    assertThat(times.procsBlocked()).hasValue(2);
  }

  @Test
  void statWithoutAggregateLineHasNoTimes() {
    assertThat(CpuTimesParser.parse("cpu0 1 2 3 4 5 6 7 8\ncpu1 1 2 3 4\n")).isEmpty();
    assertThat(CpuTimesParser.parse("cpu 1 2 3\n")).isEmpty();
  }

  @Test
  void bootTimeComesFromBtime() {
    assertThat(CpuTimesParser.parseBootTime(text("cpu/stat-4core.txt")))
        .contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(CpuTimesParser.parseBootTime("btime soon\n")).isEmpty();
    assertThat(CpuTimesParser.parseBootTime("")).isEmpty();
  }
}
