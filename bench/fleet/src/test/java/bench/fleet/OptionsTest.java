package bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final String PANEL = "http://127.0.0.1:18080/be4c0000be4c0000be4c0000";

  @Test
  void defaultsAndTheSecretPathEndingInASlash() {
    Options o =
        Options.parse(
            new String[] {"--panel", PANEL, "--password", "pw", "--nodes", "3"}, Map.of());

    assertThat(o.panel().toString()).isEqualTo(PANEL + "/");
    assertThat(o.firstPort()).isEqualTo(20_000);
    assertThat(o.percents())
        .containsEntry(Behaviour.HANGING, 5.0)
        .containsEntry(Behaviour.DEAD, 2.0);
    assertThat(o.minutes()).isZero();
    assertThat(o.rebootEvery()).isEqualTo(Duration.ofMinutes(3));
    assertThat(o.prefix()).startsWith("sim-");
    assertThat(o.cleanup()).isFalse();
  }

  @Test
  void thePasswordMayComeFromTheEnvironment() {
    Options o =
        Options.parse(
            new String[] {"--panel", PANEL, "--nodes", "3"},
            Map.of("FLEETPANEL_ADMIN_PASSWORD", "secret"));

    assertThat(o.password()).isEqualTo("secret");
  }

  @Test
  void refusesPortsPast65535AndSharesOverAHundredPercent() {
    assertThatThrownBy(() -> parse("--nodes", "600", "--first-port", "65000"))
        .hasMessageContaining("65535");
    assertThatThrownBy(() -> parse("--nodes", "5", "--dead-percent", "99"))
        .hasMessageContaining("more than 100");
    assertThatThrownBy(() -> parse("--nodes", "5", "--bogus", "1")).hasMessageContaining("--bogus");
  }

  private static Options parse(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "--panel";
    args[1] = PANEL;
    args[2] = "--password";
    args[3] = "pw";
    System.arraycopy(more, 0, args, 4, more.length);
    return Options.parse(args, Map.of());
  }
}
