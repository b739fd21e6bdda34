package dev.fleetpanel.panel.audit.web;

import dev.fleetpanel.panel.audit.AuditEntry;

/**
 * An audit entry as the page shows it; {@code at} is ISO-8601 UTC, turned into local time by the
 * browser.
 */
public record AuditRow(
    long id, String at, String actor, String ip, String action, String target, String details) {
  static AuditRow of(AuditEntry e) {
    return new AuditRow(
        e.id(),
        e.at().toInstant().toString(),
        e.actor(),
        e.ip(),
        e.action(),
        e.target(),
        e.details());
  }
}
