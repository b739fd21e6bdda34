package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessReaderTest {
  private static final long ROOT1_MEM_TOTAL = 16_323_740L * 1024;

  @Test
  void readsEveryProcessUnderTheRoot() {
    ProcessSnapshot snapshot = new ProcessReader(ProcFixtures.path("root1"), 4096, () -> 42).read();

    assertThat(snapshot.takenAtNanos()).isEqualTo(42);
    assertThat(snapshot.memTotalBytes()).isEqualTo(ROOT1_MEM_TOTAL);
    assertThat(snapshot.processes())
        .containsExactly(
            new ProcessSample(1, 1, "systemd", "root", 'S', 2350, 12_800L * 1024),
            new ProcessSample(812, 2150, "nginx", "www-data", 'R', 53_086, 8_192L * 1024),
            new ProcessSample(1450, 9012, "(sd-pam) x)", "alice", 'S', 3, 4_760L * 1024),
            new ProcessSample(2301, 48230, "kworker/0:1-events", "root", 'I', 312, 0));
  }

  @Test
  void summarisesTheRootWithoutABaseline() {
    ProcessSnapshot snapshot = new ProcessReader(ProcFixtures.path("root1")).read();

    ProcessSummary summary = new ProcessSampler(4, 100, () -> snapshot).sample();

    assertThat(summary.total()).isEqualTo(4);
    assertThat(summary.running()).isEqualTo(1);
    assertThat(summary.sleeping()).isEqualTo(2);
    assertThat(summary.topByMemory())
        .extracting(ProcessInfo::pid, ProcessInfo::memoryPercent, ProcessInfo::user)
        .containsExactly(
            tuple(1, 0.08, "root"),
            tuple(812, 0.05, "www-data"),
            tuple(1450, 0.03, "alice"),
            tuple(2301, 0.0, "root"));
  }

  @Test
  void skipsProcessesThatVanishedOrAreGarbled(@TempDir Path root) throws IOException {
    copyProcess(root, "812");
    write(root, "proc/4242/stat", ProcFixtures.text("proc/stat-bash.txt"));
    write(root, "proc/4243/stat", ProcFixtures.text("proc/stat-garbage.txt"));
    write(root, "proc/4243/status", ProcFixtures.text("proc/status-bash.txt"));
    Files.createDirectories(root.resolve("proc/4244"));
    write(root, "proc/self/stat", ProcFixtures.text("proc/stat-bash.txt"));

    List<ProcessSample> processes = new ProcessReader(root).read().processes();

    assertThat(processes).extracting(ProcessSample::pid).containsExactly(812);
  }

  @Test
  void withoutPasswdTheUserIsTheNumericUid(@TempDir Path root) throws IOException {
    copyProcess(root, "812");

    assertThat(new ProcessReader(root).read().processes().get(0).user()).isEqualTo("33");
  }

  @Test
  void withoutVmRssTheStatRssIsCountedInPagesOfTheGivenSize(@TempDir Path root) throws IOException {
    write(root, "proc/4242/stat", ProcFixtures.text("proc/stat-bash.txt"));
    write(root, "proc/4242/status", "Name:\tbash\nUid:\t1000\t1000\t1000\t1000\n");

    ProcessSample bash = new ProcessReader(root, 16384, () -> 0).read().processes().get(0);

    assertThat(bash.rssBytes()).isEqualTo(1302L * 16384);
  }

  @Test
  void anEmptyRootGivesAnEmptySnapshot(@TempDir Path root) {
    ProcessSnapshot snapshot = new ProcessReader(root).read();

    assertThat(snapshot.processes()).isEmpty();
    assertThat(snapshot.memTotalBytes()).isZero();
    assertThat(new ProcessSampler(4, 100, () -> snapshot).sample()).isEqualTo(ProcessSummary.EMPTY);
  }

  @Test
  void readsMemTotalOnly() {
    assertThat(ProcessReader.memTotalBytes(List.of("MemFree: 1 kB", "MemTotal:  2048 kB")))
        .isEqualTo(2_097_152);
    assertThat(ProcessReader.memTotalBytes(List.of("MemTotal: lots kB"))).isZero();
    assertThat(ProcessReader.memTotalBytes(List.of("MemTotal:"))).isZero();
    assertThat(ProcessReader.memTotalBytes(List.of())).isZero();
  }

  private static void copyProcess(Path root, String pid) throws IOException {
    for (String file : List.of("stat", "status")) {
      write(root, "proc/" + pid + "/" + file, ProcFixtures.text("root1/proc/" + pid + "/" + file));
    }
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path target = root.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, text);
  }
}
