package dev.fleetpanel.panel.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a browser's dashboard must match for a refresh to swap single cards: the folders (in order,
 * with their names), the set of cards shown, whether cards can be dragged, and the meters' bands.
 * The order of cards is not part of it: the browser moves cards into {@link #order} itself, without
 * re-rendering them.
 */
final class Layout {
  private Layout() {}

  /**
   * A short hash of the folders, their names, the ids shown, the drag mode and the meters' bands (a
   * change of the thresholds redraws every card, not only those whose figures moved).
   */
  static String signature(List<GroupRow> groups, boolean reorderable, MeterScale scale) {
    StringBuilder text = new StringBuilder(reorderable ? "r" : "f").append(scale);
    for (GroupRow g : groups) {
      text.append('\n').append(g.key()).append('\t').append(g.name()).append('\t');
      g.cards().stream().map(CardRow::id).sorted().forEach(id -> text.append(id).append(','));
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each folder's cards in display order: {@code key:id,id;key:id}. */
  static String order(List<GroupRow> groups) {
    return groups.stream()
        .map(
            g ->
                g.key()
                    + ":"
                    + g.cards().stream()
                        .map(c -> Long.toString(c.id()))
                        .collect(Collectors.joining(",")))
        .collect(Collectors.joining(";"));
  }
}
