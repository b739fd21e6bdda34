package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemInfoParserTest {
  private static final long KIB = 1024;

  @Test
  void sixteenGigabyteHostWithSwapInBytes() {
    MemInfo info = MemInfoParser.parse(text("memory/meminfo-16g-swap.txt")).orElseThrow();

    assertThat(info.ram())
        .isEqualTo(
            new MemInfo.Ram(
                16323740 * KIB,
                (16323740 - 9876543) * KIB,
                1234567 * KIB,
                9876543 * KIB,
                39.5,
                345678 * KIB,
                (7654321 + 456789) * KIB));
    assertThat(info.swap())
        .contains(new MemInfo.Swap(4194300 * KIB, 524288 * KIB, 3670012 * KIB, 12.5));
  }

  @Test
  void hostWithoutSwapReportsZeroSwap() {
    MemInfo info = MemInfoParser.parse(text("memory/meminfo-noswap.txt")).orElseThrow();

    assertThat(info.ram().used()).isEqualTo(805600 * KIB);
    assertThat(info.ram().percent()).isEqualTo(40.0);
    assertThat(info.swap()).contains(new MemInfo.Swap(0, 0, 0, 0.0));
  }

  @Test
  void kernelWithoutMemAvailableEstimatesIt() {
    MemInfo info = MemInfoParser.parse(text("memory/meminfo-no-memavailable.txt")).orElseThrow();

    long estimate = (812340 + 156780 + 1613000 + 120000) * KIB;
    assertThat(info.ram().available()).isEqualTo(estimate);
    assertThat(info.ram().used()).isEqualTo(4048280 * KIB - estimate);
    assertThat(info.ram().percent()).isEqualTo(33.3);
    assertThat(info.swap().orElseThrow().percent()).isZero();
  }

  @Test
  void emptyInputHasNoMemInfo() {
    assertThat(MemInfoParser.parse(text("memory/empty.txt"))).isEmpty();
    assertThat(MemInfoParser.parse((String) null)).isEmpty();
    assertThat(MemInfoParser.parse(List.of("MemTotal: 0 kB", "MemFree: 0 kB"))).isEmpty();
  }

  @Test
  void truncatedFileKeepsRamAndDropsSwapCutMidNumber() {
    MemInfo info = MemInfoParser.parse(text("memory/meminfo-truncated.txt")).orElseThrow();

    assertThat(info.ram().percent()).isEqualTo(39.5);
    assertThat(info.swap()).isEmpty();
  }

  @Test
  void garbageLinesAreSkippedAndFirstValidValueWins() {
    MemInfo info = MemInfoParser.parse(text("memory/meminfo-garbage.txt")).orElseThrow();

    assertThat(info.ram().total()).isEqualTo(16323740 * KIB);
    assertThat(info.ram().free()).isEqualTo(1234567 * KIB);
    assertThat(info.ram().available()).isEqualTo(9876543 * KIB);
    assertThat(info.ram().buffers()).isZero();
    assertThat(info.ram().cached()).isEqualTo(7654321 * KIB);
    assertThat(info.swap().orElseThrow().used()).isEqualTo(524288 * KIB);
  }

  @Test
  void availableAboveTotalNeverGivesNegativeUse() {
    MemInfo info =
        MemInfoParser.parse("MemTotal: 1000 kB\nMemFree: 900 kB\nMemAvailable: 5000 kB\n")
            .orElseThrow();

    assertThat(info.ram().used()).isZero();
    assertThat(info.ram().percent()).isZero();
    assertThat(info.swap()).isEmpty();
  }
}
