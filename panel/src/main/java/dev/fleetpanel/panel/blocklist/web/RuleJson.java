package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistRule;

/**
 * A rule in the seed's JSON shape: {@code ip_cidr}, {@code server_id} (null: every server), {@code
 * direction}, {@code is_permanent}, {@code expires_at}, {@code comment}, {@code added_by}, {@code
 * source} (always {@code manual}; lists are sources), {@code created_at}.
 */
public record RuleJson(
    long id,
    String ipCidr,
    Long serverId,
    String direction,
    boolean isPermanent,
    String expiresAt,
    String comment,
    String addedBy,
    String source,
    String createdAt) {

  static RuleJson of(BlocklistRule r) {
    return new RuleJson(
        r.id(),
        r.network(),
        r.serverId(),
        r.direction().wire(),
        r.permanent(),
        r.expiresAt() == null ? null : r.expiresAt().toInstant().toString(),
        r.comment(),
        r.addedBy(),
        "manual",
        r.createdAt().toInstant().toString());
  }
}
