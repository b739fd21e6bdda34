package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskStatsParserTest {

  @Test
  void reportsWholeDisksOnlyInFileOrder() {
    Map<String, DiskStats> disks = DiskStatsParser.parse(ProcFixtures.text("disk/diskstats.txt"));

    assertThat(disks).containsOnlyKeys("sda", "nvme0n1", "dm-0");
    assertThat(disks.keySet()).containsExactly("sda", "nvme0n1", "dm-0");
  }

  @Test
  void convertsSectorsToBytes() {
    Map<String, DiskStats> disks = DiskStatsParser.parse(ProcFixtures.text("disk/diskstats.txt"));

    assertThat(disks.get("sda"))
        .isEqualTo(
            new DiskStats("sda", 51234, 20480, 2_097_152_000L, 1_048_576_000L, 30500, 45000));
    assertThat(disks.get("nvme0n1"))
        .isEqualTo(
            new DiskStats(
                "nvme0n1", 812345, 1234567, 50_567_901_184L, 176_987_597_312L, 402310, 2345678));
  }

  @Test
  void readsTheElevenFieldFormatOfOldKernels() {
    Map<String, DiskStats> disks =
        DiskStatsParser.parse(ProcFixtures.text("disk/diskstats-old-kernel.txt"));

    assertThat(disks.keySet()).containsExactly("sda", "xvda", "mmcblk0", "md0");
    assertThat(disks.get("xvda"))
        .isEqualTo(new DiskStats("xvda", 7000, 3000, 28_672_000L, 12_288_000L, 700, 900));
  }

  @Test
  void skipsTruncatedNonNumericNegativeAndOverflowingLines() {
    Map<String, DiskStats> disks =
        DiskStatsParser.parse(ProcFixtures.text("disk/diskstats-garbage.txt"));

    assertThat(disks).containsOnlyKeys("sdd");
    assertThat(disks.get("sdd")).isEqualTo(new DiskStats("sdd", 1, 3, 4096, 8192, 2, 4));
  }

  @Test
  void emptyInputGivesNoDisks() {
    assertThat(DiskStatsParser.parse("")).isEmpty();
  }

  @Test
  void tellsWholeDisksFromPartitionsAndVirtualDevices() {
    assertThat(new String[] {"sda", "sdab", "vdb", "xvda", "hda", "nvme0n1", "nvme1n2", "mmcblk0"})
        .allMatch(DiskStatsParser::isWholeDisk);
    assertThat(new String[] {"md127", "dm-0", "dm-12"}).allMatch(DiskStatsParser::isWholeDisk);
    assertThat(
            new String[] {
              "sda1",
              "nvme0n1p1",
              "mmcblk0p2",
              "xvda1",
              "loop0",
              "ram0",
              "zram0",
              "sr0",
              "md0p1",
              "nvme0c0n1",
              ""
            })
        .noneMatch(DiskStatsParser::isWholeDisk);
  }
}
