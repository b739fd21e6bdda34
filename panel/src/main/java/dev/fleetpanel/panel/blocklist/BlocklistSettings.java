package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.settings.IntSetting;
import dev.fleetpanel.panel.platform.settings.SettingsRepository;
import java.time.Duration;

/**
 * How the downloaded lists are kept fresh: refreshed every {@code updateHours} (24 by default, the
 * seed's; 1-168), or only on demand when the automatic update is off.
 */
public final class BlocklistSettings {
  public static final IntSetting AUTO_UPDATE = new IntSetting("blocklist.auto_update", 0, 1, 1);
  public static final IntSetting UPDATE_HOURS =
      new IntSetting("blocklist.update_hours", 1, 168, 24);

  private final Tx tx;
  private final AuditService audit;
  private volatile boolean autoUpdate;
  private volatile int updateHours;

  public BlocklistSettings(Tx tx, AuditService audit) {
    this.tx = tx;
    this.audit = audit;
    tx.run(
        () -> {
          SettingsRepository stored = new SettingsRepository(tx);
          autoUpdate = AUTO_UPDATE.read(stored) == 1;
          updateHours = UPDATE_HOURS.read(stored);
        });
  }

  public boolean autoUpdate() {
    return autoUpdate;
  }

  public int updateHours() {
    return updateHours;
  }

  public Duration updateEvery() {
    return Duration.ofHours(updateHours);
  }

  /**
   * @throws IllegalArgumentException when the hours are outside 1-168 (nothing changes)
   */
  public void update(boolean auto, int hours, Actor actor) {
    UPDATE_HOURS.check(hours);
    tx.run(
        () -> {
          SettingsRepository stored = new SettingsRepository(tx);
          AUTO_UPDATE.write(stored, auto ? 1 : 0);
          UPDATE_HOURS.write(stored, hours);
          audit.record(
              actor,
              "blocklist.settings",
              "lists",
              (auto ? "refreshed every " + hours + " h" : "refreshed on demand only"));
        });
    autoUpdate = auto;
    updateHours = hours;
  }
}
