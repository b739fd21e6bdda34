package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistSource;

/**
 * A list in the seed's JSON shape ({@code ip_count}, {@code last_updated}, {@code last_hash},
 * {@code error_message}), with what this panel adds: the last attempt and the lines left out.
 */
public record SourceJson(
    long id,
    String name,
    String url,
    String direction,
    boolean enabled,
    boolean isDefault,
    String lastUpdated,
    String lastAttempt,
    int ipCount,
    int garbageCount,
    int refusedCount,
    String lastHash,
    String errorMessage) {

  static SourceJson of(BlocklistSource s) {
    return new SourceJson(
        s.id(),
        s.name(),
        s.url(),
        s.direction().wire(),
        s.enabled(),
        s.builtIn(),
        s.lastSuccessAt() == null ? null : s.lastSuccessAt().toInstant().toString(),
        s.lastAttemptAt() == null ? null : s.lastAttemptAt().toInstant().toString(),
        s.entryCount(),
        s.garbageCount(),
        s.refusedCount(),
        s.checksum(),
        s.lastError());
  }
}
