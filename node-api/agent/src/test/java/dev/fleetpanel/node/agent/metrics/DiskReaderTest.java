package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskReaderTest {
  private static final long GIB = 1L << 30;
  private static final FileSystemStats FAKE =
      mountPoint ->
          Optional.ofNullable(
              Map.of(
                      "/", new FileSystemStats.Space(40 * GIB, 25 * GIB, 27 * GIB),
                      "/var/lib/data", new FileSystemStats.Space(100 * GIB, 90 * GIB, 95 * GIB))
                  .get(mountPoint));

  @Test
  void readsPartitionsOfTheRealFilesystemsUnderTheRoot() {
    DiskReader reader = new DiskReader(ProcFixtures.path("root1"), FAKE);

    assertThat(reader.partitions())
        .containsExactly(
            new DiskUsage("/dev/vda1", "/", "ext4", 40 * GIB, 13 * GIB, 25 * GIB, 34.2),
            new DiskUsage("/dev/vdb", "/var/lib/data", "ext4", 100 * GIB, 5 * GIB, 90 * GIB, 5.3));
  }

  @Test
  void readsIoCountersOfWholeDisksUnderTheRoot() {
    Map<String, DiskStats> io = new DiskReader(ProcFixtures.path("root1"), FAKE).ioCounters();

    assertThat(io.keySet()).containsExactly("vda", "vdb");
    assertThat(io.get("vda"))
        .isEqualTo(
            new DiskStats("vda", 184022, 402311, 5_023_918_080L, 10_485_760_000L, 95400, 610222));
    assertThat(io.get("vdb"))
        .isEqualTo(new DiskStats("vdb", 5210, 880, 536_870_912L, 104_857_600L, 3100, 1200));
  }

  @Test
  void aMountWhoseSpaceCannotBeQueriedIsLeftOut() {
    FileSystemStats onlyRoot =
        mountPoint -> {
          if (mountPoint.equals("/")) {
            return Optional.of(new FileSystemStats.Space(GIB, GIB, GIB));
          }
          throw new IllegalStateException("stale NFS handle");
        };

    assertThat(new DiskReader(ProcFixtures.path("root1"), onlyRoot).partitions())
        .extracting(DiskUsage::mountPoint)
        .containsExactly("/");
  }

  @Test
  void fallsBackToProcMounts(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("proc/mounts"), "/dev/vda1 / ext4 rw 0 0\n");

    assertThat(new DiskReader(root, FAKE).partitions())
        .extracting(DiskUsage::device)
        .containsExactly("/dev/vda1");
  }

  @Test
  void anEmptyRootGivesEmptySections(@TempDir Path root) {
    DiskReader reader = new DiskReader(root);

    assertThat(reader.partitions()).isEmpty();
    assertThat(reader.ioCounters()).isEmpty();
  }
}
