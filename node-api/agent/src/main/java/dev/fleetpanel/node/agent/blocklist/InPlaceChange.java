package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.firewall.RestoreScript;
import dev.fleetpanel.node.blocklist.EntryText;
import java.io.IOException;
import java.nio.LongBuffer;
import java.util.BitSet;

/**
 * The order of an in-place change, so that no address is unprotected in between and a full set does
 * not overflow: first the removals that overlap no addition (they only unblock what is meant to be
 * unblocked, and make room), then the additions, then the removals an addition overlaps (a network
 * replaced by narrower ones stays covered until its parts are in). Which removals overlap an
 * addition is found once, by one sweep over both sorted lists.
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
  private final BitSet late;

  InPlaceChange(PackedList additions, PackedList removals) {
    this.additions = additions;
    this.removals = removals;
    this.late = new BitSet(removals.size());
    sweep(removals.ipv4(), additions.ipv4(), PackedList.IPV4_WIDTH, 0);
    sweep(removals.ipv6(), additions.ipv6(), PackedList.IPV6_WIDTH, removals.ipv4Count());
  }

  /**
   * The most entries the family's set holds during the change: {@code before}, minus the present
   * entries removed first, plus {@code added}.
   */
  long peak(boolean ipv6, long before, long added, PackedList present) {
    long first = 0;
    EntryCursor removal = removals.cursor();
    for (int i = 0; removal.next(); i++) {
      if (removal.ipv6() == ipv6
          && !late.get(i)
          && present.contains(ipv6, removal.hi(), removal.lo(), removal.prefix())) {
        first++;
      }
    }
    return before - first + added;
  }

  /** Writes the change as restore lines, in the order above. */
  void write(RestoreScript script, Sets sets) throws IOException {
    byte[] text = new byte[EntryText.MAX_BYTES];
    removals(script, sets, false, text);
    EntryCursor addition = additions.cursor();
    while (addition.next()) {
      int length = Canonical.bytes(addition, text);
      script.add(sets.name(addition.ipv6()), text, length, sets.timeout());
    }
    removals(script, sets, true, text);
  }

  private void removals(RestoreScript script, Sets sets, boolean overlapping, byte[] text)
      throws IOException {
    EntryCursor removal = removals.cursor();
    for (int i = 0; removal.next(); i++) {
      if (late.get(i) == overlapping) {
        script.del(sets.name(removal.ipv6()), text, Canonical.bytes(removal, text));
      }
    }
  }

  /**
   * Marks the removals (numbered from {@code offset}) that share an address with an addition. Both
   * are sorted by first address: an addition that starts at or before a removal overlaps it if it
   * reaches that far (the furthest reach so far is kept), one that starts after overlaps it if it
   * starts before the removal ends.
   */
  private void sweep(LongBuffer removed, LongBuffer added, int width, int offset) {
    int removalCount = removed.capacity() / width;
    int additionCount = added.capacity() / width;
    long[] reach = null;
    int next = 0;
    for (int i = 0; i < removalCount; i++) {
      long[] range = Range.of(removed, i, width);
      while (next < additionCount
          && Range.compare(Range.of(added, next, width), 0, range, 0) <= 0) {
        long[] candidate = Range.of(added, next, width);
        if (reach == null || Range.compare(candidate, 2, reach, 0) > 0) {
          reach = new long[] {candidate[2], candidate[3]};
        }
        next++;
      }
      boolean reached = reach != null && Range.compare(reach, 0, range, 0) >= 0;
      boolean startsInside =
          next < additionCount && Range.compare(Range.of(added, next, width), 0, range, 2) <= 0;
      if (reached || startsInside) {
        late.set(offset + i);
      }
    }
  }

  /** First and last address of a record as {hi, lo, hi, lo}, compared as unsigned 128 bits. */
  private static final class Range {
    private Range() {}

    static long[] of(LongBuffer records, int index, int width) {
      if (width == PackedList.IPV4_WIDTH) {
        long key = records.get(index);
        long first = key >>> 8;
        int prefix = (int) (key & 0xFF);
        long last = first | (prefix == 0 ? 0xFFFF_FFFFL : (1L << (32 - prefix)) - 1);
        return new long[] {0, first, 0, last};
      }
      long hi = records.get(3 * index);
      long lo = records.get(3 * index + 1);
      int prefix = (int) records.get(3 * index + 2);
      long lastHi = prefix >= 64 ? hi : hi | (prefix == 0 ? -1L : -1L >>> prefix);
      long lastLo = prefix >= 128 ? lo : lo | (prefix <= 64 ? -1L : -1L >>> (prefix - 64));
      return new long[] {hi, lo, lastHi, lastLo};
    }

    /** Compares the address at {@code a[i], a[i+1]} with the one at {@code b[j], b[j+1]}. */
    static int compare(long[] a, int i, long[] b, int j) {
      int c = Long.compareUnsigned(a[i], b[j]);
      return c != 0 ? c : Long.compareUnsigned(a[i + 1], b[j + 1]);
    }
  }
}
