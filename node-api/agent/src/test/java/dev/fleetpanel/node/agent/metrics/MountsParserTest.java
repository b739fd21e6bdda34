package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountsParserTest {

  @Test
  void keepsRealFilesystemsOfAnUbuntuHost() {
    List<MountsEntry> mounts = MountsParser.parse(ProcFixtures.text("disk/mounts-ubuntu.txt"));

    assertThat(mounts)
        .containsExactly(
            new MountsEntry("/dev/mapper/ubuntu--vg-ubuntu--lv", "/", "ext4"),
            new MountsEntry("/dev/nvme0n1p2", "/boot", "ext4"),
            new MountsEntry("/dev/sda1", "/srv/backup disk", "xfs"),
            new MountsEntry("10.0.0.5:/export/media", "/mnt/media", "nfs4"));
  }

  @Test
  void keepsTheContainerRootOverlayAndTheShortestBindMountOfADevice() {
    List<MountsEntry> mounts = MountsParser.parse(ProcFixtures.text("disk/mounts-container.txt"));

    assertThat(mounts)
        .containsExactly(
            new MountsEntry("overlay", "/", "overlay"),
            new MountsEntry("/dev/vda1", "/data", "ext4"));
  }

  @Test
  void skipsSnapAndEfiButNotLookalikePaths() {
    List<MountsEntry> mounts =
        MountsParser.parse(
            """
            /dev/loop9 /snap squashfs ro 0 0
            /dev/sdb1 /snap/foo/1 ext4 rw 0 0
            /dev/sdb2 /boot/efi/extra vfat rw 0 0
            /dev/sdb3 /snapshots btrfs rw 0 0
            /dev/sdb4 /boot/efibackup vfat rw 0 0
            """);

    assertThat(mounts)
        .extracting(MountsEntry::mountPoint)
        .containsExactly("/snapshots", "/boot/efibackup");
  }

  @Test
  void toleratesShortLinesRelativePathsAndBrokenEscapes() {
    List<MountsEntry> mounts = MountsParser.parse(ProcFixtures.text("disk/mounts-garbage.txt"));

    assertThat(mounts)
        .containsExactly(
            new MountsEntry("/dev/sdb1", "/mnt/tabs\tand\\slash", "ext4"),
            new MountsEntry("/dev/sdd1", "/trailing\\04", "ext4"));
  }

  @Test
  void emptyInputGivesNoMounts() {
    assertThat(MountsParser.parse("")).isEmpty();
    assertThat(MountsParser.parse(List.of())).isEmpty();
  }

  @Test
  void decodesOctalEscapes() {
    assertThat(MountsParser.unescape("/media/USB\\040Stick\\012x"))
        .isEqualTo("/media/USB Stick\nx");
    assertThat(MountsParser.unescape("/a\\9bc")).isEqualTo("/a\\9bc");
    assertThat(MountsParser.unescape("/plain")).isEqualTo("/plain");
  }
}
