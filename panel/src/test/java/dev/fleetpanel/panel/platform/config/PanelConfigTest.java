package dev.fleetpanel.panel.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.net.Cidr;
import dev.fleetpanel.panel.platform.config.PanelConfig.InvalidConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PanelConfigTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/fleetpanel";

  private static Function<String, Optional<String>> env(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return name -> Optional.ofNullable(values.get(name));
  }

  @Test
  void missingDatabaseUrlStopsStartUpUnlessDev() {
    assertThatThrownBy(() -> PanelConfig.from(env()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("FLEETPANEL_DB_URL is not set")
        .hasMessageContaining("bin/fleetpanel dev");

    PanelConfig dev = PanelConfig.from(env("FLEETPANEL_DEV", "true"));
    assertThat(dev.devMode()).isTrue();
    assertThat(dev.embeddedDatabase()).isTrue();
    assertThat(dev.jdbcUrl())
        .startsWith("jdbc:h2:file:" + dev.dataDir().resolve("fleetpanel"))
        .contains("MODE=PostgreSQL");
  }

  @Test
  void blankDatabaseUrlCountsAsMissing() {
    assertThatThrownBy(() -> PanelConfig.from(env("FLEETPANEL_DB_URL", "   ")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("FLEETPANEL_DB_URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "1", "yes", "on", ""})
  void onlyTrueSwitchesOnDevMode(String value) {
    assertThatThrownBy(() -> PanelConfig.from(env("FLEETPANEL_DEV", value)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("FLEETPANEL_DB_URL");
  }

  @Test
  void configuredDatabaseUrlIsUsedWithDefaultsForEverythingElse() {
    PanelConfig config = PanelConfig.from(env("FLEETPANEL_DB_URL", "  " + PG + "\n"));

    assertThat(config.embeddedDatabase()).isFalse();
    assertThat(config.jdbcUrl()).isEqualTo(PG);
    assertThat(config.devMode()).isFalse();
    assertThat(config.dbUser()).isEqualTo("fleetpanel");
    assertThat(config.dbPassword()).isEmpty();
    assertThat(config.uid()).isEmpty();
    assertThat(config.adminPassword()).isEmpty();
    assertThat(config.sessionIdle()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.sessionMax()).isEqualTo(Duration.ofHours(24));
    assertThat(config.trustedProxies()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
  }

  @Test
  void databaseUrlInDevModeStillWins() {
    PanelConfig config = PanelConfig.from(env("FLEETPANEL_DEV", "true", "FLEETPANEL_DB_URL", PG));

    assertThat(config.embeddedDatabase()).isFalse();
    assertThat(config.jdbcUrl()).isEqualTo(PG);
  }

  @Test
  void dataDirIsMadeAbsoluteAndNormalised() {
    PanelConfig config =
        PanelConfig.from(env("FLEETPANEL_DEV", "true", "FLEETPANEL_DATA", "var/../fp-data/./x"));

    assertThat(config.dataDir()).isAbsolute().isEqualTo(Path.of("fp-data/x").toAbsolutePath());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      })
  void uidOf16To64LowercaseHexIsAccepted(String uid) {
    PanelConfig config =
        PanelConfig.from(env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_UID", " " + uid + " "));

    assertThat(config.uid()).contains(uid);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0123456789abcde",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
        "0123456789ABCDEF",
        "0123456789abcdeg",
        "0123456789abcdef/../x",
        "0123-4567-89ab-cdef"
      })
  void uidThatIsNot16To64LowercaseHexStopsStartUp(String uid) {
    assertThatThrownBy(() -> PanelConfig.from(env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_UID", uid)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("FLEETPANEL_UID must be 16 to 64 lowercase hex characters.");
  }

  @Test
  void blankUidMeansNone() {
    assertThat(PanelConfig.from(env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_UID", "  ")).uid())
        .isEmpty();
  }

  @Test
  void adminPasswordIsStrippedAndBlankMeansNone() {
    assertThat(
            PanelConfig.from(
                    env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_ADMIN_PASSWORD", "  s3cret pw \n"))
                .adminPassword())
        .contains("s3cret pw");
    assertThat(
            PanelConfig.from(env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_ADMIN_PASSWORD", " \t"))
                .adminPassword())
        .isEmpty();
  }

  @Test
  void sessionLimitsAreRead() {
    PanelConfig config =
        PanelConfig.from(
            env(
                "FLEETPANEL_DB_URL", PG,
                "FLEETPANEL_SESSION_IDLE_MINUTES", " 15 ",
                "FLEETPANEL_SESSION_MAX_HOURS", "8"));

    assertThat(config.sessionIdle()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.sessionMax()).isEqualTo(Duration.ofHours(8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "abc", "1.5", "", "30m"})
  void sessionLimitsMustBeWholeNumbersInRange(String raw) {
    assertThatThrownBy(
            () ->
                PanelConfig.from(
                    env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_SESSION_IDLE_MINUTES", raw)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "FLEETPANEL_SESSION_IDLE_MINUTES must be a whole number from 1 to 10080, got '"
                + raw
                + "'.");
    assertThatThrownBy(
            () ->
                PanelConfig.from(env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_SESSION_MAX_HOURS", raw)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "FLEETPANEL_SESSION_MAX_HOURS must be a whole number from 1 to 8760, got '"
                + raw
                + "'.");
  }

  @Test
  void absurdlyLargeSessionLimitIsReportedAsAConfigErrorNamingTheVariable() {
    String huge = Long.toString(Long.MAX_VALUE);

    assertThatThrownBy(
            () ->
                PanelConfig.from(
                    env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_SESSION_MAX_HOURS", huge)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("FLEETPANEL_SESSION_MAX_HOURS");
  }

  @Test
  void trustedProxiesAreACommaOrSpaceSeparatedListOfAddressesAndNetworks() {
    PanelConfig config =
        PanelConfig.from(
            env(
                "FLEETPANEL_DB_URL",
                PG,
                "FLEETPANEL_TRUSTED_PROXIES",
                " 10.0.0.0/8, 192.168.1.1\t2001:db8::/32 ,"));

    assertThat(config.trustedProxies())
        .containsExactly(
            Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.1.1/32"), Cidr.parse("2001:db8::/32"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8, proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "300.1.1.1"})
  void unusableTrustedProxyStopsStartUpNamingTheVariable(String raw) {
    assertThatThrownBy(
            () -> PanelConfig.from(env("FLEETPANEL_DB_URL", PG, "FLEETPANEL_TRUSTED_PROXIES", raw)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("FLEETPANEL_TRUSTED_PROXIES: ");
  }
}
