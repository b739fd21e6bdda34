package dev.fleetpanel.panel.auth;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Password login, session checks, logout and password change for the panel's one administrator. */
public final class AuthService {
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** The outcome of a login attempt. */
  public sealed interface LoginResult {
    record Success(Session session) implements LoginResult {}

    record WrongPassword(int attemptsLeft) implements LoginResult {}

    record Banned(long retryAfterSeconds) implements LoginResult {}
  }

  private final Tx tx;
  private final PanelSecrets secrets;
  private final SessionTokens tokens;
  private final LoginBans bans;
  private final AuditService audit;
  private final Clock clock;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  public AuthService(
      Tx tx,
      PanelSecrets secrets,
      SessionTokens tokens,
      LoginBans bans,
      AuditService audit,
      Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.tokens = tokens;
    this.bans = bans;
    this.audit = audit;
    this.clock = clock;
    loadRevoked();
  }

  public LoginResult login(String password, String ip) {
    LoginBans.Status status = bans.status(ip);
    if (status.banned()) {
      return new LoginResult.Banned(status.remainingSeconds());
    }
    if (password == null || !secrets.passwordMatches(password)) {
      LoginBans.Status after = bans.recordFailure(ip);
      if (after.banned()) {
        audit.record(
            new Actor("anonymous", ip), "auth.ban", ip, LoginBans.MAX_ATTEMPTS + " failed logins");
        return new LoginResult.Banned(after.remainingSeconds());
      }
      return new LoginResult.WrongPassword(LoginBans.MAX_ATTEMPTS - after.attempts());
    }
    bans.clear(ip);
    Session session = tokens.start(secrets.tokenVersion());
    audit.record(new Actor("admin", ip), "auth.login", null, null);
    return new LoginResult.Success(session);
  }

  /** The session a token carries, if it is valid, current and not logged out. */
  public Optional<Session> verify(String token) {
    return tokens
        .decode(token)
        .filter(s -> s.tokenVersion() == secrets.tokenVersion())
        .filter(s -> !revoked.contains(s.id()));
  }

  /**
   * Renews the idle expiry when a minute has passed since the token was issued, to limit cookie
   * churn.
   */
  public Optional<Session> renewIfDue(Session session) {
    if (clock.instant().isAfter(session.issuedAt().plusSeconds(60))) {
      return Optional.of(tokens.renew(session, secrets.tokenVersion()));
    }
    return Optional.empty();
  }

  public String encode(Session session) {
    return tokens.encode(session);
  }

  public String csrfToken(Session session) {
    return secrets.csrfToken(session.id());
  }

  public void logout(Session session, Actor actor) {
    tx.run(
        () -> {
          tx.em()
              .persist(
                  new RevokedSession(
                      session.id(), OffsetDateTime.ofInstant(session.expiresAt(), ZoneOffset.UTC)));
          audit.record(actor, "auth.logout", null, null);
        });
    revoked.add(session.id());
  }

  /**
   * Changes the password after checking the current one; every other session ends and the caller
   * gets a renewed session.
   *
   * @throws InvalidInputException naming the field that was refused
   */
  public Session changePassword(
      Session current, String oldPassword, String newPassword, Actor actor) {
    if (oldPassword == null || !secrets.passwordMatches(oldPassword)) {
      throw InvalidInputException.of("current_password", "password.current.wrong");
    }
    String clean = newPassword == null ? "" : newPassword.strip();
    if (clean.length() < MIN_PASSWORD_LENGTH) {
      throw InvalidInputException.of("new_password", "password.new.short");
    }
    long version = secrets.changePassword(clean);
    audit.record(actor, "auth.password_change", null, "all other sessions revoked");
    return tokens.renew(current, version);
  }

  /**
   * Lifts the ban and forgets the failed logins of an IP; audited when there was something to
   * clear.
   */
  public boolean clearBan(String ip, Actor actor) {
    boolean cleared = bans.clear(ip);
    if (cleared) {
      audit.record(actor, "auth.clear_ban", ip, null);
    }
    return cleared;
  }

  public LoginBans bans() {
    return bans;
  }

  private void loadRevoked() {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    tx.run(
        () -> {
          tx.em()
              .createQuery("DELETE FROM RevokedSession r WHERE r.expiresAt < :now")
              .setParameter("now", now)
              .executeUpdate();
          revoked.addAll(
              tx.em()
                  .createQuery("SELECT r.sessionId FROM RevokedSession r", String.class)
                  .getResultList());
        });
  }
}
