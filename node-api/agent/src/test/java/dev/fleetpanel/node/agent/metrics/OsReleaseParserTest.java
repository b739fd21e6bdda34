package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

  @Test
  void prettyNameOfUbuntu() {
    assertThat(OsReleaseParser.prettyName(text("system/os-release-ubuntu.txt")))
        .contains("Ubuntu 22.04.4 LTS");
  }

  @Test
  void quotesAndEscapesFollowShellRules() {
    Map<String, String> values = OsReleaseParser.parse(text("system/os-release-escapes.txt"));

    assertThat(values)
        .containsEntry("PRETTY_NAME", "Fleet \"Edge\" OS \\ 1.0 $HOME `x`")
        .containsEntry("NAME", "Fleet $OS")
        .containsEntry("VERSION", "unquoted with spaces")
        .containsEntry("EMPTY", "")
        .doesNotContainKey("BROKEN")
        .hasSize(5);
  }

  @Test
  void withoutPrettyNameTheNameAndVersionAreUsed() {
    assertThat(OsReleaseParser.prettyName(text("system/os-release-no-pretty-name.txt")))
        .contains("Alpine Linux 3.19.1");
  }

  @Test
  void emptyAndGarbageInputHaveNoName() {
    assertThat(OsReleaseParser.prettyName(text("system/empty.txt"))).isEmpty();
    assertThat(OsReleaseParser.prettyName(null)).isEmpty();
    assertThat(OsReleaseParser.prettyName("<html>\nPRETTY_NAME=\"unclosed\n")).isEmpty();
  }
}
