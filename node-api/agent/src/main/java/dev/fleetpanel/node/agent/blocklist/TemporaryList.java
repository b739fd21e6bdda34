package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A direction's temporary list: entries expire by the kernel's timeout, so the kernel's sets are
 * the only truth and the version is computed from them when asked. Always changed in place, never
 * swapped (a swap would restart every entry's timer); additions before removals. Entries that
 * outlive an hour are also recorded in {@link LongTemporaryEntries}.
 */
final class TemporaryList {

  private final Direction direction;
  private final SetLayout layout;
  private final KernelSets kernel;
  private final LongTemporaryEntries longEntries;
  private final Path scratch;

  TemporaryList(
      Direction direction,
      SetLayout layout,
      KernelSets kernel,
      LongTemporaryEntries longEntries,
      Path scratch) {
    this.direction = direction;
    this.scratch = scratch;
    this.layout = layout;
    this.kernel = kernel;
    this.longEntries = longEntries;
  }

  LongTemporaryEntries longEntries() {
    return longEntries;
  }

  /** What the kernel's sets hold now, sorted. */
  PackedList content() throws CommandFailedException {
    PackedListBuilder builder = PackedList.builder(2 * layout.maxEntries(), scratch);
    kernel.load(set(false), builder);
    kernel.load(set(true), builder);
    return builder.build();
  }

  /**
   * Makes the list hold exactly {@code desired}: new entries get {@code timeout}, entries already
   * there keep their remaining time, the others are deleted.
   */
  Outcome replace(PackedList desired, int timeout, long now)
      throws CommandFailedException, IOException, BlocklistException {
    PackedList present = content();
    Difference difference = Difference.between(desired, present, layout.maxEntries(), scratch);
    Outcome outcome = apply(present, difference.additions(), difference.removals(), timeout, now);
    longEntries.retain(desired);
    longEntries.save();
    return outcome;
  }

  /** Adds (or re-arms, with {@code timeout}) and removes entries; an entry in both is removed. */
  Outcome change(PackedList additions, PackedList removals, int timeout, long now)
      throws CommandFailedException, IOException, BlocklistException {
    return apply(content(), additions, removals, timeout, now);
  }

  private Outcome apply(
      PackedList present, PackedList additions, PackedList removals, int timeout, long now)
      throws CommandFailedException, IOException, BlocklistException {
    ChangedCursor after = new ChangedCursor(present.cursor(), additions, removals);
    SetVersion.Hasher hasher = SetVersion.hasher();
    while (after.next()) {
      Canonical.hash(hasher, after);
    }
    checkRoom(timeout, additions.size());
    InPlaceChange change = new InPlaceChange(additions, removals);
    for (boolean ipv6 : new boolean[] {false, true}) {
      long before = ipv6 ? present.ipv6Count() : present.ipv4Count();
      if (change.peak(ipv6, before, after.added(ipv6), present) > layout.maxEntries()) {
        throw new TooManyEntriesException(layout.maxEntries());
      }
    }
    kernel.restore(
        additions.size() + removals.size(),
        script ->
            change.write(
                script, new InPlaceChange.Sets(set(false), set(true), kernelTimeout(timeout))));
    remember(additions, timeout, now);
    forget(removals);
    longEntries.save();
    return new Outcome(hasher.finish(), hasher.count(), after.added(), after.removed(), 0);
  }

  Outcome clear() throws CommandFailedException, IOException {
    PackedList present = content();
    kernel.restore(0, script -> script.flush(set(false)).flush(set(true)));
    longEntries.clear();
    longEntries.save();
    return new Outcome(SetVersion.EMPTY, 0, 0, present.size(), 0);
  }

  /**
   * Gives every recorded long entry the time it has left (at most the kernel's longest), after a
   * restart or before the kernel's timer runs out; drops the expired ones.
   */
  void rearm(long now) throws CommandFailedException, IOException {
    Map<String, Integer> due = longEntries.due(now);
    if (!due.isEmpty()) {
      EntryParser parser = new EntryParser();
      kernel.restore(
          due.size(),
          script -> {
            for (Map.Entry<String, Integer> entry : due.entrySet()) {
              if (parser.parse(entry.getKey())) {
                script.add(set(parser.ipv6()), entry.getKey(), entry.getValue());
              }
            }
          });
    }
    longEntries.save();
  }

  private void checkRoom(int timeout, long added) throws BlocklistException {
    if (timeout > LongTemporaryEntries.LONG_SECONDS
        && longEntries.size() + added > LongTemporaryEntries.MAX_ENTRIES) {
      throw BlocklistException.invalid(
          "at most "
              + LongTemporaryEntries.MAX_ENTRIES
              + " temporary entries per direction may live longer than "
              + LongTemporaryEntries.LONG_SECONDS
              + " s; use the permanent list");
    }
  }

  private void remember(PackedList entries, int timeout, long now) {
    StringBuilder text = new StringBuilder();
    EntryCursor entry = entries.cursor();
    while (entry.next()) {
      remember(Canonical.text(entry, text).toString(), timeout, now);
    }
  }

  private void forget(PackedList entries) {
    StringBuilder text = new StringBuilder();
    EntryCursor entry = entries.cursor();
    while (entry.next()) {
      longEntries.remove(Canonical.text(entry, text).toString());
    }
  }

  /** The entry's latest timer is the one kept: a shorter one ends an earlier long record. */
  private void remember(String entry, int timeout, long now) {
    if (timeout > LongTemporaryEntries.LONG_SECONDS) {
      longEntries.put(entry, now + timeout);
    } else {
      longEntries.remove(entry);
    }
  }

  private static int kernelTimeout(int timeout) {
    return Math.min(timeout, BlocklistApi.KERNEL_MAX_TIMEOUT);
  }

  private String set(boolean ipv6) {
    return layout.live(direction, ListKind.TEMP, ipv6).name();
  }
}
