package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiskUsageTest {
  private static final long GIB = 1L << 30;
  private static final MountsEntry ROOT = new MountsEntry("/dev/sda1", "/", "ext4");

  @Test
  void countsReservedBlocksAsNeitherUsedNorFreeLikeDf() {
    DiskUsage usage = DiskUsage.of(ROOT, new FileSystemStats.Space(100 * GIB, 35 * GIB, 40 * GIB));

    assertThat(usage)
        .isEqualTo(new DiskUsage("/dev/sda1", "/", "ext4", 100 * GIB, 60 * GIB, 35 * GIB, 63.2));
  }

  @Test
  void anEmptyOrZeroSizedFilesystemIsZeroPercent() {
    assertThat(DiskUsage.of(ROOT, new FileSystemStats.Space(0, 0, 0)).percent()).isZero();
    assertThat(DiskUsage.of(ROOT, new FileSystemStats.Space(GIB, GIB, GIB)).percent()).isZero();
  }

  @Test
  void aFullFilesystemIsHundredPercent() {
    DiskUsage usage = DiskUsage.of(ROOT, new FileSystemStats.Space(10 * GIB, 0, GIB / 2));

    assertThat(usage.used()).isEqualTo(10 * GIB - GIB / 2);
    assertThat(usage.free()).isZero();
    assertThat(usage.percent()).isEqualTo(100.0);
  }
}
