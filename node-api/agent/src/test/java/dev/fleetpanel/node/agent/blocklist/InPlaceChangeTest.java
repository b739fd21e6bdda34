package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.firewall.RestoreScript;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InPlaceChangeTest {

  /**
   * A network replaced by its halves stays covered: the halves go in before it goes out, while a
   * removal that overlaps nothing added goes first (making room in a full set).
   */
  @Test
  void unrelatedRemovalsFirstThenAdditionsThenRemovalsTheyOverlap() throws Exception {
    assertThat(lines(List.of("11.1.0.0/17", "11.1.128.0/17"), List.of("11.1.0.0/16", "12.0.0.1")))
        .containsExactly(
            "del v4 12.0.0.1",
            "add v4 11.1.0.0/17 timeout 60",
            "add v4 11.1.128.0/17 timeout 60",
            "del v4 11.1.0.0/16");
  }

  @Test
  void overlapIsEitherWayAndPerFamily() throws Exception {
    List<String> additions = List.of("11.1.0.0/16", "12.0.0.7", "2a0b:1::/48");
    List<String> removals =
        List.of(
            "11.0.0.0/8",
            "11.1.2.0/24",
            "11.2.0.0/16",
            "12.0.0.0/29",
            "12.0.0.8/29",
            "2a0b::/16",
            "2a0b:2::/48");

    List<String> lines = lines(additions, removals);

    assertThat(lines.subList(0, 3))
        .containsExactly("del v4 11.2.0.0/16", "del v4 12.0.0.8/29", "del v6 2a0b:2::/48");
    assertThat(lines.subList(6, 10))
        .containsExactly(
            "del v4 11.0.0.0/8", "del v4 11.1.2.0/24", "del v4 12.0.0.0/29", "del v6 2a0b::/16");
  }

  /** The sweep against every pair compared one by one, on random lists. */
  @Test
  void theSweepFindsExactlyTheOverlappingRemovals() throws Exception {
    List<String> additions = Lists.random(400, 11);
    List<String> removals = Lists.random(400, 12);
    PackedList added = Lists.of(null, additions);
    PackedList removed = Lists.of(null, removals);

    List<String> late = new ArrayList<>();
    for (String removal : Lists.texts(removed)) {
      BlocklistEntry entry = BlocklistEntry.parse(removal);
      if (Lists.texts(added).stream().anyMatch(a -> BlocklistEntry.parse(a).overlaps(entry))) {
        late.add(removal);
      }
    }
    List<String> lines = lines(additions, removals);
    int lastAdd = 0;
    for (int i = 0; i < lines.size(); i++) {
      lastAdd = lines.get(i).startsWith("add") ? i : lastAdd;
    }

    assertThat(lines.subList(lastAdd + 1, lines.size()).stream().map(l -> l.substring(7)))
        .containsExactlyElementsOf(late);
  }

  @Test
  void thePeakCountsOnlyPresentEntriesRemovedFirst() {
    PackedList present = Lists.of("11.0.0.1", "11.1.0.0/16", "12.0.0.1");
    InPlaceChange change =
        new InPlaceChange(Lists.of("11.1.0.0/17"), Lists.of("11.1.0.0/16", "12.0.0.1", "13.0.0.1"));

    assertThat(change.peak(false, 3, 1, present)).isEqualTo(3);
    assertThat(change.peak(true, 0, 0, present)).isZero();
  }

  private static List<String> lines(List<String> additions, List<String> removals)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RestoreScript script = new RestoreScript(out);
    new InPlaceChange(Lists.of(null, additions), Lists.of(null, removals))
        .write(script, new InPlaceChange.Sets("v4", "v6", 60));
    script.finish();
    return out.toString(StandardCharsets.US_ASCII).lines().toList();
  }
}
