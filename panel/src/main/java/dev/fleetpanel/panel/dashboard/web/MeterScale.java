package dev.fleetpanel.panel.dashboard.web;

import dev.fleetpanel.panel.dashboard.DashboardSettings;

/**
 * The colour bands of the cards' CPU, RAM and disk meters: high (red) from the attention threshold,
 * low (green) below four fifths of it, amber between. Worked out once per page.
 */
public record MeterScale(
    int cpuLow, int cpuHigh, int ramLow, int ramHigh, int diskLow, int diskHigh) {

  static MeterScale of(DashboardSettings.Thresholds t) {
    return new MeterScale(
        t.cpuPercent() * 4 / 5,
        t.cpuPercent(),
        t.ramPercent() * 4 / 5,
        t.ramPercent(),
        t.diskPercent() * 4 / 5,
        t.diskPercent());
  }
}
