package dev.fleetpanel.node.agent.blocklist;

import java.nio.file.Path;

/** What turns a present list into a desired one: the entries to add and the entries to remove. */
record Difference(PackedList additions, PackedList removals) {

  static Difference between(PackedList desired, PackedList present, int maxEntries, Path scratch) {
    PackedListBuilder additions = PackedList.builder(maxEntries, scratch);
    PackedListBuilder removals = PackedList.builder(2 * maxEntries, scratch);
    MergeCursor diff = new MergeCursor(desired.cursor(), present.cursor());
    while (diff.next()) {
      if (!diff.inRight()) {
        additions.add(diff);
      } else if (!diff.inLeft()) {
        removals.add(diff);
      }
    }
    return new Difference(additions.build(), removals.build());
  }
}
