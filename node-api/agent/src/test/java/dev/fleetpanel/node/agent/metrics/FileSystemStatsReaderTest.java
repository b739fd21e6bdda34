package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStatsReaderTest {

  @Test
  void readsTheFilesystemOfAMountPointUnderTheRoot(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("srv/data"));
    FileSystemStatsReader reader = new FileSystemStatsReader(root);

    FileSystemStats.Space space = reader.space("/srv/data").orElseThrow();

    assertThat(space.total()).isPositive();
    assertThat(space.usable()).isBetween(0L, space.unallocated());
    assertThat(space.unallocated()).isLessThanOrEqualTo(space.total());
    assertThat(reader.space("/")).isPresent();
  }

  @Test
  void aMissingMountPointGivesEmpty(@TempDir Path root) {
    assertThat(new FileSystemStatsReader(root).space("/no/such/mount")).isEmpty();
  }
}
