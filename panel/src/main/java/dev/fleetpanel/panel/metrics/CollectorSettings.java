package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.settings.IntSetting;
import dev.fleetpanel.panel.platform.settings.SettingsRepository;
import java.time.Duration;

/**
 * The collector's settings, stored in {@code settings} and read from memory by the poller and the
 * pages, so that a change on the Settings page applies at the next cycle without a restart: the
 * poll interval (default 10 s, 5-300 s as in the seed) and how many intervals without a sample make
 * a server offline (default 3, the seed's rule; 1-20), plus a 30 s grace.
 */
public final class CollectorSettings {

  public static final IntSetting INTERVAL =
      new IntSetting("collector.interval_seconds", 5, 300, 10);
  public static final IntSetting OFFLINE_POLLS =
      new IntSetting("collector.offline_after_polls", 1, 20, 3);
  static final Duration OFFLINE_GRACE = Duration.ofSeconds(30);

  private final Tx tx;
  private final AuditService audit;
  private volatile int intervalSeconds;
  private volatile int offlinePolls;

  public CollectorSettings(Tx tx, AuditService audit) {
    this.tx = tx;
    this.audit = audit;
    tx.run(
        () -> {
          SettingsRepository stored = new SettingsRepository(tx);
          intervalSeconds = INTERVAL.read(stored);
          offlinePolls = OFFLINE_POLLS.read(stored);
        });
  }

  public Duration interval() {
    return Duration.ofSeconds(intervalSeconds);
  }

  public int intervalSeconds() {
    return intervalSeconds;
  }

  public int offlineAfterPolls() {
    return offlinePolls;
  }

  /** How long without a sample makes a server offline: the polls times the interval, plus 30 s. */
  public Duration offlineAfter() {
    return offlineAfter(interval(), offlinePolls);
  }

  public static Duration offlineAfter(Duration interval, int polls) {
    return interval.multipliedBy(polls).plus(OFFLINE_GRACE);
  }

  /**
   * Sets the poll interval.
   *
   * @throws IllegalArgumentException outside 5-300 s
   */
  public void setIntervalSeconds(int seconds, Actor actor) {
    update(seconds, offlinePolls, actor);
  }

  /**
   * Sets both; either out of range changes nothing.
   *
   * @throws IllegalArgumentException outside 5-300 s or 1-20 polls
   */
  public void update(int seconds, int polls, Actor actor) {
    INTERVAL.check(seconds);
    OFFLINE_POLLS.check(polls);
    tx.run(
        () -> {
          SettingsRepository stored = new SettingsRepository(tx);
          INTERVAL.write(stored, seconds);
          OFFLINE_POLLS.write(stored, polls);
          audit.record(
              actor,
              "collector.settings",
              "collector",
              "poll interval " + seconds + " s, offline after " + polls + " missed polls");
        });
    intervalSeconds = seconds;
    offlinePolls = polls;
  }
}
