package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistTarget;
import dev.fleetpanel.panel.nodesync.SyncRecord;
import java.util.List;
import java.util.Map;

/**
 * One server's blocklist on its node: for each list (in, out, in temporary, out temporary) its
 * state (applied, pending, drifted, failed), since or until when, the error and the node's note.
 */
public record NodeSyncRow(long serverId, String name, List<Item> items) {

  /** One list on the node. */
  public record Item(
      String label,
      String state,
      String appliedAt,
      String nextAttemptAt,
      String error,
      String detail) {}

  static NodeSyncRow of(long serverId, String name, Map<String, SyncRecord> records) {
    return new NodeSyncRow(
        serverId,
        name,
        BlocklistTarget.ITEMS.stream()
            .map(
                item -> {
                  SyncRecord r = records.get(item);
                  String label = item.substring("blocklist/".length());
                  if (r == null) {
                    return new Item(label, "none", null, null, null, null);
                  }
                  return new Item(
                      label,
                      r.state().wire(),
                      r.appliedAt() == null ? null : r.appliedAt().toInstant().toString(),
                      r.nextAttemptAt() == null ? null : r.nextAttemptAt().toInstant().toString(),
                      r.lastError(),
                      r.detail());
                })
            .toList());
  }
}
