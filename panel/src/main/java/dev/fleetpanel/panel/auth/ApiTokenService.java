package dev.fleetpanel.panel.auth;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** API tokens for scripts: shown once when created, stored hashed, revocable. */
public final class ApiTokenService {
  static final String PREFIX = "fpt_";
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  /** A token just created: {@code secret} is shown to the user once and never stored. */
  public record Created(ApiToken token, String secret) {}

  private final Tx tx;
  private final AuditService audit;
  private final Clock clock;

  public ApiTokenService(Tx tx, AuditService audit, Clock clock) {
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  public Created create(String name, Actor actor) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 100) {
      throw InvalidInputException.of("name", "token.name.invalid");
    }
    String secret = PREFIX + Secrets.randomHex(24);
    ApiToken token = new ApiToken(clean, Secrets.sha256Hex(secret), secret.substring(0, 10), now());
    tx.run(
        () -> {
          tx.em().persist(token);
          audit.record(actor, "api_token.create", clean, "prefix " + token.prefix());
        });
    return new Created(token, secret);
  }

  public List<ApiToken> list() {
    return tx.call(
        () ->
            tx.em()
                .createQuery("SELECT t FROM ApiToken t ORDER BY t.id", ApiToken.class)
                .getResultList());
  }

  public boolean revoke(long id, Actor actor) {
    return tx.call(
        () -> {
          ApiToken token = tx.em().find(ApiToken.class, id);
          if (token == null || token.revokedAt() != null) {
            return false;
          }
          token.revokeAt(now());
          audit.record(actor, "api_token.revoke", token.name(), "prefix " + token.prefix());
          return true;
        });
  }

  /** The name of the live token that {@code secret} is, if any. */
  public Optional<String> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String hash = Secrets.sha256Hex(secret);
    return tx.call(
        () -> {
          List<ApiToken> found =
              tx.em()
                  .createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :h", ApiToken.class)
                  .setParameter("h", hash)
                  .getResultList();
          if (found.isEmpty()
              || found.get(0).revokedAt() != null
              || !Secrets.constantTimeEquals(found.get(0).tokenHash(), hash)) {
            return Optional.empty();
          }
          ApiToken token = found.get(0);
          OffsetDateTime now = now();
          if (token.lastUsedAt() == null
              || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            token.usedAt(now);
          }
          return Optional.of(token.name());
        });
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
