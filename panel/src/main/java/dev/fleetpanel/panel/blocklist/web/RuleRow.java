package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistRule;

/**
 * A rule as the Blocklist page lists it (times ISO-8601, UTC; {@code expiresAt} null: permanent).
 */
public record RuleRow(
    long id,
    String network,
    String direction,
    String expiresAt,
    String comment,
    String addedBy,
    String createdAt) {

  static RuleRow of(BlocklistRule r) {
    return new RuleRow(
        r.id(),
        r.network(),
        r.direction().wire(),
        r.expiresAt() == null ? null : r.expiresAt().toInstant().toString(),
        r.comment(),
        r.addedBy(),
        r.createdAt().toInstant().toString());
  }
}
