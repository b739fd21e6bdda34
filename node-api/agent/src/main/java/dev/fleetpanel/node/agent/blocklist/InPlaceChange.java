package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.firewall.RestoreScript;
import java.io.IOException;

/**
 * The order of an in-place change, so that no address is unprotected in between and a full set does
 * not overflow: first the removals that overlap no addition (they only unblock what is meant to be
 * unblocked, and make room), then the additions, then the removals an addition overlaps (a network
 * replaced by narrower ones stays covered until its parts are in). {@link ChangedCursor} says how
 * full a set gets on the way.
 */
final class InPlaceChange {

  /** The sets of the two families, and the timeout of added entries (0: none). */
  record Sets(String ipv4, String ipv6, int timeout) {
    String name(boolean family6) {
      return family6 ? ipv6 : ipv4;
    }
  }

  private final PackedList additions;
  private final PackedList removals;

  InPlaceChange(PackedList additions, PackedList removals) {
    this.additions = additions;
    this.removals = removals;
  }

  /** Writes the change as restore lines, in the order above. */
  void write(RestoreScript script, Sets sets) throws IOException {
    StringBuilder text = new StringBuilder();
    EntryCursor removal = removals.cursor();
    while (removal.next()) {
      if (!overlapsAddition(additions, removal)) {
        script.del(sets.name(removal.ipv6()), Canonical.text(removal, text));
      }
    }
    EntryCursor addition = additions.cursor();
    while (addition.next()) {
      script.add(sets.name(addition.ipv6()), Canonical.text(addition, text), sets.timeout());
    }
    removal = removals.cursor();
    while (removal.next()) {
      if (overlapsAddition(additions, removal)) {
        script.del(sets.name(removal.ipv6()), Canonical.text(removal, text));
      }
    }
  }

  static boolean overlapsAddition(PackedList additions, EntryCursor removal) {
    return additions.overlaps(removal.ipv6(), removal.hi(), removal.lo(), removal.prefix());
  }
}
