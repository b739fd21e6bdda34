package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blocklist's files: written atomically, read back exactly, damage detected. */
class StateFilesTest {

  @TempDir Path dir;

  @Test
  void aListFileReadsBackAsWritten() throws Exception {
    PackedList list = Lists.of("11.0.0.1", "12.0.0.0/8", "2a0b::/32", "2a0c::1");
    Path file = dir.resolve("in-permanent.bin");
    String version = Canonical.version(list);

    try (ListFile.Writer writer = new ListFile.Writer(file)) {
      EntryCursor entry = list.cursor();
      while (entry.next()) {
        writer.add(entry);
      }
      writer.commit(version);
    }
    ListFile.Stored stored = ListFile.read(file).orElseThrow();

    assertThat(Lists.texts(stored.entries())).isEqualTo(Lists.texts(list));
    assertThat(stored.version()).isEqualTo(version);
    assertThat(Files.size(file)).isEqualTo(ListFile.HEADER + 8 * 2 + 24 * 2);
    assertThat(ListFile.read(dir.resolve("absent.bin"))).isEmpty();
  }

  @Test
  void aWriteThatIsNotCommittedLeavesTheOldFile() throws Exception {
    Path file = oneEntryFile("list.bin");
    try (ListFile.Writer writer = new ListFile.Writer(file)) {
      writer.addIpv4(0x0C000001L << 8 | 32);
    }

    assertThat(Lists.texts(ListFile.read(file).orElseThrow().entries()))
        .containsExactly("11.0.0.1");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aDamagedFileIsRefused() throws Exception {
    Path truncated = oneEntryFile("truncated.bin");
    Files.write(
        truncated, java.util.Arrays.copyOf(Files.readAllBytes(truncated), ListFile.HEADER + 4));
    Path foreign = dir.resolve("foreign.bin");
    Files.writeString(foreign, "11.0.0.1\n".repeat(20));

    assertThatThrownBy(() -> ListFile.read(truncated)).isInstanceOf(CorruptListException.class);
    assertThatThrownBy(() -> ListFile.read(foreign)).isInstanceOf(CorruptListException.class);
  }

  /** A list file of 11.0.0.1. */
  private Path oneEntryFile(String name) throws Exception {
    Path file = dir.resolve(name);
    try (ListFile.Writer writer = new ListFile.Writer(file)) {
      writer.addIpv4(0x0B000001L << 8 | 32);
      writer.commit(SetVersion.EMPTY);
    }
    return file;
  }

  @Test
  void longTemporaryEntriesComeBackWithTheTimeTheyHaveLeft() throws Exception {
    Path file = dir.resolve("in-temp-long.list");
    LongTemporaryEntries entries = new LongTemporaryEntries(file);
    entries.put("11.0.0.1", 1_000);
    entries.put("11.0.0.2", 1_000 + 30L * 86_400);
    entries.put("2a0b::/32", 500);
    entries.save();

    LongTemporaryEntries loaded = new LongTemporaryEntries(file);
    loaded.load();
    Map<String, Integer> due = loaded.due(600);

    assertThat(due)
        .containsOnlyKeys("11.0.0.1", "11.0.0.2")
        .containsEntry("11.0.0.1", 400)
        .containsEntry("11.0.0.2", BlocklistApi.KERNEL_MAX_TIMEOUT);
    assertThat(loaded.size()).isEqualTo(2);
    loaded.retain(Lists.of("11.0.0.2"));
    assertThat(loaded.due(600)).containsOnlyKeys("11.0.0.2");
  }

  @Test
  void unreadableLongEntriesAreDropped() throws Exception {
    Path file = dir.resolve("out-temp-long.list");
    Files.write(file, List.of("11.0.0.1 2000", "garbage", "nope 12", "11.0.0.2 soon"));
    LongTemporaryEntries entries = new LongTemporaryEntries(file);

    entries.load();

    assertThat(entries.due(0)).containsOnlyKeys("11.0.0.1");
  }

  /** Lines dropped on reading stay in the file until the entries change: nothing else writes it. */
  @Test
  void longEntriesAreWrittenOnlyWhenTheyChanged() throws Exception {
    Path file = dir.resolve("in-temp-long.list");
    Files.write(file, List.of("11.0.0.1 2000", "garbage"));
    LongTemporaryEntries entries = new LongTemporaryEntries(file);
    entries.load();

    entries.put("11.0.0.1", 2000);
    entries.remove("11.0.0.9");
    entries.retain(Lists.of("11.0.0.1"));
    entries.due(0);
    entries.save();
    assertThat(Files.readAllLines(file)).containsExactly("11.0.0.1 2000", "garbage");

    entries.put("11.0.0.1", 3000);
    entries.save();
    assertThat(Files.readAllLines(file)).containsExactly("11.0.0.1 3000");
  }

  @Test
  void theDefaultTimeoutSurvivesARestart() throws Exception {
    Path file = dir.resolve("settings.properties");
    new TemporaryTimeout(file).set(3600);

    TemporaryTimeout loaded = new TemporaryTimeout(file);
    loaded.load();

    assertThat(loaded.get()).isEqualTo(3600);
    TemporaryTimeout fresh = new TemporaryTimeout(dir.resolve("none.properties"));
    fresh.load();
    assertThat(fresh.get()).isEqualTo(BlocklistApi.DEFAULT_TEMP_TIMEOUT);
  }

  @Test
  void theStateDirectoryIsPrivateAndItsScratchIsEmptiedAtStart() throws Exception {
    StateDir state = new StateDir(dir);
    state.create();
    Files.writeString(state.scratch().resolve("runs-left-by-a-crash.bin"), "x");

    state.cleanScratch();

    assertThat(Files.getPosixFilePermissions(state.path()))
        .containsExactlyInAnyOrderElementsOf(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    try (var left = Files.list(state.scratch())) {
      assertThat(left).isEmpty();
    }
  }
}
