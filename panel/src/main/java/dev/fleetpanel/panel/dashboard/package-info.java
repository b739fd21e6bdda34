/**
 * The dashboard: the whole fleet at a glance, a card per server grouped by folder, filtered and
 * sorted as asked, with a fleet summary and the servers that need attention (thresholds in {@link
 * dev.fleetpanel.panel.dashboard.DashboardSettings}). It reads the collector's in-memory state; it
 * stores nothing but its thresholds.
 */
package dev.fleetpanel.panel.dashboard;
