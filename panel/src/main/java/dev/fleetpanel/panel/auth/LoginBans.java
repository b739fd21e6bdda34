package dev.fleetpanel.panel.auth;

import dev.fleetpanel.panel.platform.persistence.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Brute-force protection: {@value #MAX_ATTEMPTS} failed logins from one IP within {@link #WINDOW}
 * ban that IP for {@link #BAN}. State lives in the database, so a ban survives a restart.
 */
public final class LoginBans {
  public static final int MAX_ATTEMPTS = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration BAN = Duration.ofMinutes(15);

  /** What an IP's record says now. */
  public record Status(String ip, boolean banned, long remainingSeconds, int attempts) {}

  private final Tx tx;
  private final Clock clock;

  public LoginBans(Tx tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public Status status(String ip) {
    return tx.call(() -> toStatus(ip, tx.em().find(LoginFailure.class, ip)));
  }

  /**
   * Counts a failed login; returns the status after it, banned if this was the last allowed
   * attempt.
   */
  public synchronized Status recordFailure(String ip) {
    return tx.call(
        () -> {
          OffsetDateTime now = now();
          LoginFailure row = tx.em().find(LoginFailure.class, ip);
          if (row == null) {
            row = new LoginFailure(ip, now);
            tx.em().persist(row);
          } else if (row.windowStart().plus(WINDOW).isBefore(now)) {
            row.restartWindow(now);
          }
          row.countFailure();
          if (row.attempts() >= MAX_ATTEMPTS) {
            row.banUntil(now.plus(BAN));
            row.restartWindow(now);
          }
          return toStatus(ip, row);
        });
  }

  /** Forgets an IP's failures and lifts its ban; returns whether there was anything to clear. */
  public boolean clear(String ip) {
    return tx.call(
        () -> {
          LoginFailure row = tx.em().find(LoginFailure.class, ip);
          if (row != null) {
            tx.em().remove(row);
          }
          return row != null;
        });
  }

  private Status toStatus(String ip, LoginFailure row) {
    if (row == null) {
      return new Status(ip, false, 0, 0);
    }
    OffsetDateTime now = now();
    boolean banned = row.bannedUntil() != null && row.bannedUntil().isAfter(now);
    long remaining = banned ? Duration.between(now, row.bannedUntil()).toSeconds() + 1 : 0;
    int attempts = row.windowStart().plus(WINDOW).isBefore(now) ? 0 : row.attempts();
    return new Status(ip, banned, remaining, attempts);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
