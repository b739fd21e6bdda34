package dev.fleetpanel.panel.dashboard.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Tells which cards changed since a browser's last refresh, without remembering browsers: every
 * card as last rendered is kept with the generation at which it last differed, and a browser sends
 * back the token ({@code <epoch>.<generation>}) its previous answer carried. A token from before a
 * restart (another epoch) or a malformed one means "everything changed". Cards of removed servers
 * stay until the panel restarts (a few hundred bytes each).
 */
@ApplicationScoped
public class CardChanges {
  private final String epoch = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
  private final Map<Long, Seen> seen = new HashMap<>();
  private long generation;

  private record Seen(CardRow row, long generation) {}

  /** The token of a browser that has seen these rows (and everything before). */
  public record Token(String epoch, long generation) {
    @Override
    public String toString() {
      return epoch + "." + generation;
    }
  }

  /** Takes the rows as rendered now; returns the token that covers them. */
  public synchronized Token observe(List<CardRow> rows) {
    for (CardRow row : rows) {
      Seen before = seen.get(row.id());
      if (before == null || !before.row().equals(row)) {
        seen.put(row.id(), new Seen(row, ++generation));
      }
    }
    return new Token(epoch, generation);
  }

  /** The rows that differ from what a browser holding {@code since} has; call after observe. */
  public synchronized List<CardRow> changedSince(List<CardRow> rows, String since) {
    long known = parse(since);
    return rows.stream()
        .filter(r -> known < 0 || seen.get(r.id()) == null || seen.get(r.id()).generation() > known)
        .toList();
  }

  private long parse(String token) {
    if (token == null) {
      return -1;
    }
    int dot = token.indexOf('.');
    if (dot < 0 || !token.substring(0, dot).equals(epoch)) {
      return -1;
    }
    try {
      return Long.parseLong(token.substring(dot + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
