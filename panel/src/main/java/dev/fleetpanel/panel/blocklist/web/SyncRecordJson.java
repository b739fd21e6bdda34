package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.nodesync.SyncRecord;

/**
 * Where a node is with one of its lists: {@code {server_id, server, item, state, attempts,
 * applied_at, next_attempt_at, checked_at, last_error, detail}}.
 */
public record SyncRecordJson(
    long serverId,
    String server,
    String item,
    String state,
    int attempts,
    String appliedAt,
    String nextAttemptAt,
    String checkedAt,
    String lastError,
    String detail) {

  static SyncRecordJson of(SyncRecord r, String server) {
    return new SyncRecordJson(
        r.serverId(),
        server,
        r.item(),
        r.state().wire(),
        r.attempts(),
        r.appliedAt() == null ? null : r.appliedAt().toInstant().toString(),
        r.nextAttemptAt() == null ? null : r.nextAttemptAt().toInstant().toString(),
        r.checkedAt() == null ? null : r.checkedAt().toInstant().toString(),
        r.lastError(),
        r.detail());
  }
}
