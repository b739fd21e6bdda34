package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.auth.Secrets;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.settings.SettingsRepository;
import java.util.Optional;

/**
 * The bearer token Prometheus sends to scrape the fleet-wide {@code /metrics}: made on the Settings
 * page, shown once, stored as its SHA-256, compared in constant time. It opens {@code /metrics} and
 * nothing else (least privilege: a scrape config leaking does not leak the panel). None at first:
 * {@code /metrics} refuses everyone until one is made.
 */
public final class ScrapeToken {
  static final String PREFIX = "fpm_";
  static final String KEY = "metrics.scrape_token_sha256";

  private final Tx tx;
  private final AuditService audit;
  private volatile Optional<String> hash;

  public ScrapeToken(Tx tx, AuditService audit) {
    this.tx = tx;
    this.audit = audit;
    this.hash = tx.call(() -> new SettingsRepository(tx).find(KEY).filter(h -> !h.isEmpty()));
  }

  public boolean configured() {
    return hash.isPresent();
  }

  /** Makes a new token, replacing the one before; returns it (the only time it is seen). */
  public String renew(Actor actor) {
    String secret = PREFIX + Secrets.randomHex(24);
    String digest = Secrets.sha256Hex(secret);
    tx.run(
        () -> {
          new SettingsRepository(tx).put(KEY, digest);
          audit.record(actor, "metrics.scrape_token", "Prometheus", "new token");
        });
    hash = Optional.of(digest);
    return secret;
  }

  public void revoke(Actor actor) {
    tx.run(
        () -> {
          new SettingsRepository(tx).put(KEY, "");
          audit.record(actor, "metrics.scrape_token", "Prometheus", "revoked");
        });
    hash = Optional.empty();
  }

  /** Whether {@code presented} is the current token. */
  public boolean matches(String presented) {
    Optional<String> current = hash;
    return presented != null
        && current.isPresent()
        && Secrets.constantTimeEquals(current.get(), Secrets.sha256Hex(presented));
  }
}
