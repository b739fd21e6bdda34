package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskRatesTest {
  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

  @Test
  void dividesTheByteDeltaByTheElapsedTime() {
    DiskRates rates =
        DiskRates.between(
            Map.of("sda", disk("sda", 1_000_000, 500_000)),
            Map.of("sda", disk("sda", 3_000_000, 1_500_000)),
            TWO_SECONDS);

    assertThat(rates.devices()).containsEntry("sda", new DiskRates.Rate(1_000_000, 500_000));
    assertThat(rates.total()).isEqualTo(new DiskRates.Rate(1_000_000, 500_000));
  }

  @Test
  void aCounterThatWentBackwardsCountsZeroNeverNegative() {
    DiskRates rates =
        DiskRates.between(
            Map.of("sda", disk("sda", 9_000_000, 1_000_000)),
            Map.of("sda", disk("sda", 4_096, 3_000_000)),
            TWO_SECONDS);

    assertThat(rates.devices().get("sda")).isEqualTo(new DiskRates.Rate(0, 1_000_000));
  }

  @Test
  void aNewDeviceHasNoBaselineAndAVanishedOneIsDropped() {
    DiskRates rates =
        DiskRates.between(
            Map.of("sdb", disk("sdb", 100, 100)),
            Map.of("sdc", disk("sdc", 5_000_000, 5_000_000)),
            TWO_SECONDS);

    assertThat(rates.devices()).containsOnlyKeys("sdc").containsEntry("sdc", DiskRates.Rate.ZERO);
  }

  @Test
  void theTotalLeavesOutStackedDevicesWhoseIoTheDisksAlreadyCount() {
    DiskRates rates =
        DiskRates.between(
            Map.of(
                "nvme0n1", disk("nvme0n1", 0, 0),
                "sda", disk("sda", 0, 0),
                "dm-0", disk("dm-0", 0, 0),
                "md0", disk("md0", 0, 0)),
            Map.of(
                "nvme0n1", disk("nvme0n1", 4_000, 2_000),
                "sda", disk("sda", 2_000, 0),
                "dm-0", disk("dm-0", 4_000, 2_000),
                "md0", disk("md0", 2_000, 0)),
            TWO_SECONDS);

    assertThat(rates.devices().get("dm-0")).isEqualTo(new DiskRates.Rate(2_000, 1_000));
    assertThat(rates.total()).isEqualTo(new DiskRates.Rate(3_000, 1_000));
  }

  @Test
  void noElapsedTimeGivesZeroRates() {
    Map<String, DiskStats> sample = Map.of("sda", disk("sda", 1, 1));

    DiskRates rates = DiskRates.between(sample, Map.of("sda", disk("sda", 50, 50)), Duration.ZERO);

    assertThat(rates.devices().get("sda")).isEqualTo(DiskRates.Rate.ZERO);
    assertThat(rates.total()).isEqualTo(DiskRates.Rate.ZERO);
  }

  private static DiskStats disk(String name, long readBytes, long writeBytes) {
    return new DiskStats(name, 0, 0, readBytes, writeBytes, 0, 0);
  }
}
