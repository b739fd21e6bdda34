package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;

/**
 * Packed records in {@code long} arrays and buffers: an IPv4 entry is one {@code long} ({@code
 * address << 8 | prefix}, which sorts by address then prefix), an IPv6 entry three ({@code hi},
 * {@code lo}, {@code prefix}).
 */
final class Records {

  private Records() {}

  /** Compares record {@code i} of array {@code a} with record {@code j} of array {@code b}. */
  static int compare(long[] a, int i, long[] b, int j, int width) {
    if (width == PackedList.IPV4_WIDTH) {
      return Long.compare(a[i], b[j]);
    }
    return EntryOrder.compare(
        true,
        a[3 * i],
        a[3 * i + 1],
        (int) a[3 * i + 2],
        true,
        b[3 * j],
        b[3 * j + 1],
        (int) b[3 * j + 2]);
  }

  /** Moves the distinct records of a sorted array to its front; returns how many there are. */
  static int distinct(long[] sorted, int count, int width) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (kept > 0 && same(sorted, (kept - 1) * width, i * width, width)) {
        continue;
      }
      System.arraycopy(sorted, i * width, sorted, kept * width, width);
      kept++;
    }
    return kept;
  }

  private static boolean same(long[] a, int x, int y, int width) {
    for (int k = 0; k < width; k++) {
      if (a[x + k] != a[y + k]) {
        return false;
      }
    }
    return true;
  }
}
