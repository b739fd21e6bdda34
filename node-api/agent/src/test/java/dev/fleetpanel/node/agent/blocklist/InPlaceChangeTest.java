package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.firewall.RestoreScript;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class InPlaceChangeTest {

  /**
   * A network replaced by its halves stays covered: the halves go in before it goes out, while a
   * removal that overlaps nothing added goes first (making room in a full set).
   */
  @Test
  void unrelatedRemovalsFirstThenAdditionsThenRemovalsTheyOverlap() throws Exception {
    InPlaceChange change =
        new InPlaceChange(
            Lists.of("11.1.0.0/17", "11.1.128.0/17"), Lists.of("11.1.0.0/16", "12.0.0.1"));
    StringWriter out = new StringWriter();

    change.write(new RestoreScript(out), new InPlaceChange.Sets("v4", "v6", 60));
    new RestoreScript(out).finish();

    assertThat(out.toString())
        .isEqualTo(
            "del v4 12.0.0.1\n"
                + "add v4 11.1.0.0/17 timeout 60\n"
                + "add v4 11.1.128.0/17 timeout 60\n"
                + "del v4 11.1.0.0/16\n");
  }
}
