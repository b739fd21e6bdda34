package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merges behind syncs and deltas, and the fast delta walk, against plain set arithmetic. */
class DiffTest {

  @TempDir Path dir;

  @Test
  void desiredAgainstPresentCountsWhatIsNewAndWhatGoes() {
    DesiredCursor diff =
        new DesiredCursor(
            Lists.of("11.0.0.1", "11.0.0.2", "2a0b::1").cursor(),
            Lists.of("11.0.0.2", "11.0.0.3", "11.0.0.4").cursor());
    List<String> kept = new ArrayList<>();
    while (diff.next()) {
      kept.add(Canonical.text(diff, new StringBuilder()).toString());
    }

    assertThat(kept).containsExactly("11.0.0.1", "11.0.0.2", "2a0b::1");
    assertThat(diff.added()).isEqualTo(2);
    assertThat(diff.removed()).isEqualTo(2);
  }

  @Test
  void aChangeAddsThenRemovesAndAnEntryInBothIsRemoved() {
    ChangedCursor after =
        new ChangedCursor(
            Lists.of("11.0.0.1", "11.0.0.2").cursor(),
            Lists.of("11.0.0.3", "11.0.0.9", "11.0.0.1"),
            Lists.of("11.0.0.2", "11.0.0.9", "11.0.0.7"));

    assertThat(texts(after)).containsExactly("11.0.0.1", "11.0.0.3");
    assertThat(after.added()).isEqualTo(1);
    assertThat(after.removed()).isEqualTo(1);
  }

  /** Random lists: the fast walk, the cursor walk and set arithmetic agree. */
  @Test
  void theDeltaWalkAgreesWithTheCursorsAndWithSets() throws Exception {
    List<String> present = Lists.random(70_000, 1);
    List<String> additions = Lists.random(300, 2);
    additions.addAll(present.subList(0, 50));
    List<String> removals = new ArrayList<>(present.subList(100, 400));
    removals.addAll(additions.subList(0, 20));
    removals.addAll(Lists.random(30, 3));
    PackedList packed = Lists.of(dir.resolve("scratch"), present);

    SetVersion.Hasher hasher = SetVersion.hasher();
    DeltaWalk walk;
    try (ListFile.Writer out = new ListFile.Writer(dir.resolve("list.bin"))) {
      walk =
          DeltaWalk.run(packed, Lists.of(null, additions), Lists.of(null, removals), hasher, out);
      out.commit(SetVersion.EMPTY);
    }
    ChangedCursor cursors =
        new ChangedCursor(packed.cursor(), Lists.of(null, additions), Lists.of(null, removals));
    List<String> viaCursors = texts(cursors);

    TreeSet<BlocklistEntry> expected = entries(present);
    TreeSet<BlocklistEntry> before = entries(present);
    expected.addAll(entries(additions));
    expected.removeAll(entries(removals));
    List<String> expectedTexts = expected.stream().map(BlocklistEntry::canonical).toList();
    assertThat(viaCursors).containsExactlyElementsOf(expectedTexts);
    assertThat(Lists.texts(ListFile.read(dir.resolve("list.bin")).orElseThrow().entries()))
        .containsExactlyElementsOf(expectedTexts);
    assertThat(hasher.finish()).isEqualTo(SetVersion.ofEntries(expected));
    TreeSet<BlocklistEntry> added = new TreeSet<>(expected);
    added.removeAll(before);
    TreeSet<BlocklistEntry> removed = new TreeSet<>(before);
    removed.removeAll(expected);
    assertThat(walk.added()).isEqualTo(added.size()).isEqualTo(cursors.added());
    assertThat(walk.removed()).isEqualTo(removed.size()).isEqualTo(cursors.removed());
  }

  @Test
  void tripleSortAgreesWithTheEntryOrder() {
    List<String> entries = Lists.random(5000, 9).stream().filter(t -> t.contains(":")).toList();
    TreeSet<BlocklistEntry> expected = entries(entries);

    assertThat(Lists.texts(Lists.of(null, entries)))
        .containsExactlyElementsOf(expected.stream().map(BlocklistEntry::canonical).toList());
  }

  private static TreeSet<BlocklistEntry> entries(List<String> texts) {
    TreeSet<BlocklistEntry> set = new TreeSet<>();
    texts.forEach(text -> set.add(BlocklistEntry.parse(text)));
    return set;
  }

  private static List<String> texts(EntryCursor cursor) {
    List<String> texts = new ArrayList<>();
    while (cursor.next()) {
      texts.add(Canonical.text(cursor, new StringBuilder()).toString());
    }
    return texts;
  }
}
