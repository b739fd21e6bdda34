package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.settings.SettingsRepository;
import java.time.Duration;

/**
 * The collector's settings, stored in {@code settings} and read from memory by the poller, so that
 * a change on the Settings page applies at the next cycle without a restart: the poll interval
 * (default 10 s, 5-300 s as in the seed).
 */
public final class CollectorSettings {

  public static final int MIN_INTERVAL_SECONDS = 5;
  public static final int MAX_INTERVAL_SECONDS = 300;
  public static final int DEFAULT_INTERVAL_SECONDS = 10;
  static final String INTERVAL_KEY = "collector.interval_seconds";

  private final Tx tx;
  private final AuditService audit;
  private volatile int intervalSeconds;

  public CollectorSettings(Tx tx, AuditService audit) {
    this.tx = tx;
    this.audit = audit;
    this.intervalSeconds =
        tx.call(
            () ->
                new SettingsRepository(tx)
                    .find(INTERVAL_KEY)
                    .map(CollectorSettings::storedInterval)
                    .orElse(DEFAULT_INTERVAL_SECONDS));
  }

  public Duration interval() {
    return Duration.ofSeconds(intervalSeconds);
  }

  public int intervalSeconds() {
    return intervalSeconds;
  }

  /**
   * Sets the poll interval.
   *
   * @throws IllegalArgumentException outside 5-300 s
   */
  public void setIntervalSeconds(int seconds, Actor actor) {
    if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
      throw new IllegalArgumentException(
          "the poll interval must be " + MIN_INTERVAL_SECONDS + "-" + MAX_INTERVAL_SECONDS + " s");
    }
    tx.run(
        () -> {
          new SettingsRepository(tx).put(INTERVAL_KEY, Integer.toString(seconds));
          audit.record(actor, "collector.interval", "poll interval", seconds + " s");
        });
    intervalSeconds = seconds;
  }

  /** A stored value outside the range (edited by hand) falls back to the default. */
  private static int storedInterval(String value) {
    try {
      int seconds = Integer.parseInt(value.strip());
      return seconds >= MIN_INTERVAL_SECONDS && seconds <= MAX_INTERVAL_SECONDS
          ? seconds
          : DEFAULT_INTERVAL_SECONDS;
    } catch (NumberFormatException e) {
      return DEFAULT_INTERVAL_SECONDS;
    }
  }
}
