package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistSource;

/**
 * A downloaded list as the page shows it: its state is {@code ok} (a good copy, the last download
 * worked), {@code stale} (the last download failed; the good copy before it is applied), {@code
 * never} (no good copy yet: nothing of it is applied) or {@code off}.
 */
public record SourceRow(
    long id,
    String name,
    String url,
    String direction,
    boolean enabled,
    String lastSuccessAt,
    int entries,
    int garbage,
    int refused,
    String checksum,
    String state,
    String error) {

  static SourceRow of(BlocklistSource s) {
    String state;
    if (!s.enabled()) {
      state = "off";
    } else if (!s.hasCopy()) {
      state = "never";
    } else if (s.lastError() != null) {
      state = "stale";
    } else {
      state = "ok";
    }
    return new SourceRow(
        s.id(),
        s.name(),
        s.url(),
        s.direction().wire(),
        s.enabled(),
        s.lastSuccessAt() == null ? null : s.lastSuccessAt().toInstant().toString(),
        s.entryCount(),
        s.garbageCount(),
        s.refusedCount(),
        s.checksum() == null
            ? null
            : s.checksum().substring(0, Math.min(16, s.checksum().length())),
        state,
        s.lastError());
  }

  public String css() {
    return switch (state) {
      case "ok" -> "ok";
      case "stale" -> "warn";
      case "never" -> "err";
      default -> "off";
    };
  }
}
