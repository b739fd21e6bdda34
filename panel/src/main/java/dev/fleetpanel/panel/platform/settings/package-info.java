/** Panel-wide key/value settings (secrets included), stored in {@code panel_settings}. */
package dev.fleetpanel.panel.platform.settings;
