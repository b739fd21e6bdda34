package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswdParserTest {

  @Test
  void mapsUidsToUserNames() {
    Map<Integer, String> users = PasswdParser.parse(ProcFixtures.text("proc/passwd.txt"));

    assertThat(users)
        .containsEntry(0, "root")
        .containsEntry(33, "www-data")
        .containsEntry(1000, "alice")
        .containsEntry(1001, "deploy")
        .containsEntry(65534, "nobody")
        .hasSize(10);
  }

  @Test
  void theFirstNameOfADuplicateUidWinsAndJunkIsSkipped() {
    Map<Integer, String> users = PasswdParser.parse(ProcFixtures.text("proc/passwd.txt"));

    assertThat(users.get(0)).isEqualTo("root");
    assertThat(users.values()).doesNotContain("toor", "+nisuser", "bad", "# a comment line");
  }

  @Test
  void emptyInputGivesNoUsers() {
    assertThat(PasswdParser.parse("")).isEmpty();
  }
}
