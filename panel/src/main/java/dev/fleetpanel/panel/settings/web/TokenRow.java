package dev.fleetpanel.panel.settings.web;

import dev.fleetpanel.panel.auth.ApiToken;

/**
 * An API token as the Settings page lists it (never its secret). Times are ISO-8601 UTC or null.
 */
public record TokenRow(
    long id, String name, String prefix, String createdAt, String lastUsedAt, boolean revoked) {
  static TokenRow of(ApiToken t) {
    return new TokenRow(
        t.id(),
        t.name(),
        t.prefix(),
        t.createdAt().toInstant().toString(),
        t.lastUsedAt() == null ? null : t.lastUsedAt().toInstant().toString(),
        t.revokedAt() != null);
  }
}
