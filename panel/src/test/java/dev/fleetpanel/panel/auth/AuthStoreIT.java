package dev.fleetpanel.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets, bans, sessions and API tokens as stored in the database, on PostgreSQL and on H2. */
@ParameterizedClass
@EnumSource(TestDatabase.Engine.class)
class AuthStoreIT {
  @Parameter TestDatabase.Engine engine;
  @TempDir Path data;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Actor actor = new Actor("admin", "192.0.2.7");
  private TestDatabase db;
  private Database database;
  private Tx tx;

  @BeforeEach
  void open() {
    db = TestDatabase.create(engine);
    database = Database.open(db.config(data, Map.of()));
    tx = new Tx(database.entityManagerFactory());
  }

  @AfterEach
  void close() {
    database.close();
    db.close();
  }

  private PanelSecrets secrets(
      Map<String, String> env, AtomicReference<PanelSecrets.FirstStart> first) {
    PanelConfig config = db.config(data, env);
    return PanelSecrets.load(tx, config, first);
  }

  private AuthService auth(PanelSecrets secrets) {
    SessionTokens tokens =
        new SessionTokens(
            secrets.signingKey(), Duration.ofMinutes(60), Duration.ofHours(24), clock);
    return new AuthService(
        tx, secrets, tokens, new LoginBans(tx, clock), new AuditService(tx, clock), clock);
  }

  @Test
  void firstStartGeneratesPathAndPasswordOnceAndKeepsThem() {
    AtomicReference<PanelSecrets.FirstStart> first = new AtomicReference<>();
    PanelSecrets s1 = secrets(Map.of(), first);
    String password = first.get().generatedPassword().orElseThrow();
    assertThat(s1.uid()).matches("[0-9a-f]{24}");
    assertThat(s1.passwordMatches("  " + password + "\n")).isTrue();

    PanelSecrets s2 = secrets(Map.of(), first);
    assertThat(first.get().generatedPassword()).isEmpty();
    assertThat(s2.uid()).isEqualTo(s1.uid());
    assertThat(s2.passwordMatches(password)).isTrue();
    try (var c = db.connect();
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT setting_value FROM panel_settings WHERE setting_key = 'secret.admin_password_hash'")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("pbkdf2-sha256$").doesNotContain(password);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void environmentOverridesPathAndPasswordAndEndsOldSessions() {
    AtomicReference<PanelSecrets.FirstStart> first = new AtomicReference<>();
    PanelSecrets before = secrets(Map.of("FLEETPANEL_ADMIN_PASSWORD", "first-password-1"), first);
    AuthService auth = auth(before);
    String token =
        auth.encode(
            ((AuthService.LoginResult.Success) auth.login("first-password-1", "192.0.2.1"))
                .session());

    PanelSecrets after =
        secrets(
            Map.of(
                "FLEETPANEL_ADMIN_PASSWORD",
                "second-password-2",
                "FLEETPANEL_UID",
                "00112233445566778899aabb"),
            first);
    assertThat(after.uid()).isEqualTo("00112233445566778899aabb");
    assertThat(after.passwordMatches("second-password-2")).isTrue();
    assertThat(after.passwordMatches("first-password-1")).isFalse();
    assertThat(auth(after).verify(token)).isEmpty();
  }

  @Test
  void fiveFailuresBanForFifteenMinutesAndTheBanIsInTheDatabase() {
    AuthService auth =
        auth(
            secrets(
                Map.of("FLEETPANEL_ADMIN_PASSWORD", "right-password-1"), new AtomicReference<>()));
    for (int i = 0; i < 4; i++) {
      assertThat(auth.login("wrong", "198.51.100.9"))
          .isInstanceOf(AuthService.LoginResult.WrongPassword.class);
    }
    assertThat(auth.login("wrong", "198.51.100.9"))
        .isInstanceOf(AuthService.LoginResult.Banned.class);
    // Even the right password is refused while banned, and another IP is unaffected.
    assertThat(auth.login("right-password-1", "198.51.100.9"))
        .isInstanceOf(AuthService.LoginResult.Banned.class);
    assertThat(auth.login("right-password-1", "198.51.100.10"))
        .isInstanceOf(AuthService.LoginResult.Success.class);

    // A new service over the same database (a restart) still sees the ban.
    AuthService restarted =
        auth(
            secrets(
                Map.of("FLEETPANEL_ADMIN_PASSWORD", "right-password-1"), new AtomicReference<>()));
    assertThat(restarted.bans().status("198.51.100.9").banned()).isTrue();

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(restarted.login("right-password-1", "198.51.100.9"))
        .isInstanceOf(AuthService.LoginResult.Success.class);
  }

  @Test
  void failuresOutsideTheWindowDoNotAddUp() {
    AuthService auth =
        auth(
            secrets(
                Map.of("FLEETPANEL_ADMIN_PASSWORD", "right-password-1"), new AtomicReference<>()));
    for (int i = 0; i < 4; i++) {
      auth.login("wrong", "198.51.100.9");
    }
    clock.advance(Duration.ofMinutes(16));
    assertThat(auth.login("wrong", "198.51.100.9"))
        .isInstanceOfSatisfying(
            AuthService.LoginResult.WrongPassword.class,
            w -> assertThat(w.attemptsLeft()).isEqualTo(4));
  }

  @Test
  void logoutRevokesTheSessionAcrossRestarts() {
    PanelSecrets secrets =
        secrets(Map.of("FLEETPANEL_ADMIN_PASSWORD", "right-password-1"), new AtomicReference<>());
    AuthService auth = auth(secrets);
    Session session =
        ((AuthService.LoginResult.Success) auth.login("right-password-1", "192.0.2.1")).session();
    String token = auth.encode(session);
    assertThat(auth.verify(token)).isPresent();
    auth.logout(session, actor);
    assertThat(auth.verify(token)).isEmpty();
    assertThat(auth(secrets).verify(token)).isEmpty();
  }

  @Test
  void passwordChangeEndsOtherSessionsButRenewsTheCallers() {
    PanelSecrets secrets =
        secrets(Map.of("FLEETPANEL_ADMIN_PASSWORD", "right-password-1"), new AtomicReference<>());
    AuthService auth = auth(secrets);
    Session mine =
        ((AuthService.LoginResult.Success) auth.login("right-password-1", "192.0.2.1")).session();
    Session other =
        ((AuthService.LoginResult.Success) auth.login("right-password-1", "192.0.2.2")).session();
    String otherToken = auth.encode(other);

    Session renewed = auth.changePassword(mine, "right-password-1", "a-new-password-2", actor);

    assertThat(auth.verify(otherToken)).isEmpty();
    assertThat(auth.verify(auth.encode(renewed))).isPresent();
    assertThat(secrets.passwordMatches("a-new-password-2")).isTrue();
  }

  @Test
  void apiTokensAreStoredHashedAndStopWorkingWhenRevoked() {
    ApiTokenService tokens = new ApiTokenService(tx, new AuditService(tx, clock), clock);
    ApiTokenService.Created created = tokens.create("deploy script", actor);
    assertThat(created.secret()).startsWith("fpt_");
    assertThat(tokens.authenticate(created.secret())).contains("deploy script");
    assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
    assertThat(tokens.list())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.tokenHash()).doesNotContain(created.secret());
              assertThat(t.lastUsedAt()).isNotNull();
            });

    assertThat(tokens.revoke(created.token().id(), actor)).isTrue();
    assertThat(tokens.authenticate(created.secret())).isEmpty();
  }
}
