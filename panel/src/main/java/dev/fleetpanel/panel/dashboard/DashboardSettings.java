package dev.fleetpanel.panel.dashboard;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.settings.IntSetting;
import dev.fleetpanel.panel.platform.settings.SettingsRepository;

/**
 * When a server needs attention on the dashboard: CPU, RAM or disk use at or above a percentage (90
 * by default, the seed's critical alert level), or a certificate expiring within some days (7).
 * Kept in memory and applied at the next refresh.
 */
public final class DashboardSettings {

  public static final IntSetting CPU =
      new IntSetting("dashboard.attention.cpu_percent", 1, 100, 90);
  public static final IntSetting RAM =
      new IntSetting("dashboard.attention.ram_percent", 1, 100, 90);
  public static final IntSetting DISK =
      new IntSetting("dashboard.attention.disk_percent", 1, 100, 90);
  public static final IntSetting SSL_DAYS =
      new IntSetting("dashboard.attention.ssl_days", 0, 365, 7);

  /** The thresholds at one moment. */
  public record Thresholds(int cpuPercent, int ramPercent, int diskPercent, int sslDays) {}

  private final Tx tx;
  private final AuditService audit;
  private volatile Thresholds thresholds;

  public DashboardSettings(Tx tx, AuditService audit) {
    this.tx = tx;
    this.audit = audit;
    this.thresholds =
        tx.call(
            () -> {
              SettingsRepository stored = new SettingsRepository(tx);
              return new Thresholds(
                  CPU.read(stored), RAM.read(stored), DISK.read(stored), SSL_DAYS.read(stored));
            });
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  /**
   * @throws IllegalArgumentException when a value is out of its range (nothing is changed)
   */
  public void update(Thresholds next, Actor actor) {
    CPU.check(next.cpuPercent());
    RAM.check(next.ramPercent());
    DISK.check(next.diskPercent());
    SSL_DAYS.check(next.sslDays());
    tx.run(
        () -> {
          SettingsRepository stored = new SettingsRepository(tx);
          CPU.write(stored, next.cpuPercent());
          RAM.write(stored, next.ramPercent());
          DISK.write(stored, next.diskPercent());
          SSL_DAYS.write(stored, next.sslDays());
          audit.record(
              actor,
              "dashboard.thresholds",
              "dashboard",
              "CPU "
                  + next.cpuPercent()
                  + " %, RAM "
                  + next.ramPercent()
                  + " %, disk "
                  + next.diskPercent()
                  + " %, certificates "
                  + next.sslDays()
                  + " days");
        });
    thresholds = next;
  }
}
