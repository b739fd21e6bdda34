package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU, memory, load and system readers against whole root trees. */
class SystemInfoReadersTest {
  private static final long KIB = 1024;

  @Test
  void readsTheFixtureRoot() {
    Path root = path("root1");

    CpuTimes times = new CpuTimesReader(root).read().orElseThrow();
    assertThat(times.cores()).hasSize(4);
    assertThat(times.total().user()).isEqualTo(16324599);

    CpuInfo cpu = new CpuInfoReader(root).read().orElseThrow();
    assertThat(cpu.model()).contains("AMD EPYC 7543 32-Core Processor");
    assertThat(cpu.logicalCores()).isEqualTo(4);
    assertThat(cpu.physicalCores()).isEqualTo(4);

    MemInfo memory = new MemInfoReader(root).read().orElseThrow();
    assertThat(memory.ram().total()).isEqualTo(16323740 * KIB);
    assertThat(memory.ram().percent()).isEqualTo(39.5);
    assertThat(memory.swap().orElseThrow().percent()).isEqualTo(12.5);

    LoadAvg load = new LoadAvgReader(root).read().orElseThrow();
    assertThat(load.five()).isEqualTo(0.58);

    SystemInfo system = new SystemReader(root).read();
    assertThat(system.hostname()).contains("node-fra-01");
    assertThat(system.os()).contains("Ubuntu 24.04.1 LTS");
    assertThat(system.kernel()).contains("6.8.0-45-generic");
    assertThat(system.bootId()).contains("3f2b9c1e-8d4a-4f6b-9e2d-7c1a5b8e0f42");
    assertThat(system.uptime().orElseThrow().human()).isEqualTo("3d 4h 5m");
    assertThat(system.bootTime()).contains(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void emptyRootGivesEmptySectionsWithoutExceptions(@TempDir Path empty) {
    assertThat(new CpuTimesReader(empty).read()).isEmpty();
    assertThat(new CpuInfoReader(empty).read()).isEmpty();
    assertThat(new MemInfoReader(empty).read()).isEmpty();
    assertThat(new LoadAvgReader(empty).read()).isEmpty();
    assertThat(new SystemReader(empty).read())
        .isEqualTo(
            new SystemInfo(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
  }

  @Test
  void rootThatDoesNotExistGivesEmptySections() {
    Path missing = Path.of("/nonexistent-fleetpanel-root");

    assertThat(new MemInfoReader(missing).read()).isEmpty();
    assertThat(new SystemReader(missing).read().hostname()).isEmpty();
  }

  @Test
  void directoryWhereAFileBelongsIsUnreadableNotAnError(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("proc/stat"));
    Files.createDirectories(root.resolve("proc/meminfo"));

    assertThat(new CpuTimesReader(root).read()).isEmpty();
    assertThat(new MemInfoReader(root).read()).isEmpty();
    assertThat(new SystemReader(root).read().bootTime()).isEmpty();
  }

  @Test
  void oversizedFileIsIgnored(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("proc"));
    try (RandomAccessFile file =
        new RandomAccessFile(root.resolve("proc/loadavg").toFile(), "rw")) {
      file.setLength(ProcFiles.MAX_BYTES + 1L);
    }

    assertThat(new LoadAvgReader(root).read()).isEmpty();
  }

  @Test
  void osReleaseFallsBackToUsrLib(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.writeString(root.resolve("usr/lib/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12\"\n");

    assertThat(new SystemReader(root).read().os()).contains("Debian GNU/Linux 12");
  }
}
