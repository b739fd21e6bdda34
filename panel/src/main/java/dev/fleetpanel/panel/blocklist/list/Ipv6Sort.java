package dev.fleetpanel.panel.blocklist.list;

/**
 * Sorts IPv6 intervals held as records of four {@code long}s (first high, first low, last high,
 * last low) by their first address, unsigned: a merge sort (stable, O(n log n) whatever the input,
 * insertion sort for short runs), skipped when the records are already in order. The intervals of
 * one address are left in any order; merging does not need more.
 */
final class Ipv6Sort {

  static final int WIDTH = 4;
  private static final int INSERTION = 16;

  private Ipv6Sort() {}

  static void sort(long[] a, int count) {
    if (sorted(a, count)) {
      return;
    }
    sort(a, new long[WIDTH * count], 0, count);
  }

  private static boolean sorted(long[] a, int count) {
    for (int i = 1; i < count; i++) {
      if (less(a, i, a, i - 1)) {
        return false;
      }
    }
    return true;
  }

  private static void sort(long[] a, long[] scratch, int from, int to) {
    if (to - from <= INSERTION) {
      insertion(a, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, scratch, from, mid);
    sort(a, scratch, mid, to);
    if (!less(a, mid, a, mid - 1)) {
      return;
    }
    System.arraycopy(a, WIDTH * from, scratch, WIDTH * from, WIDTH * (mid - from));
    int left = from;
    int right = mid;
    int out = from;
    while (left < mid && right < to) {
      if (less(a, right, scratch, left)) {
        System.arraycopy(a, WIDTH * right++, a, WIDTH * out++, WIDTH);
      } else {
        System.arraycopy(scratch, WIDTH * left++, a, WIDTH * out++, WIDTH);
      }
    }
    System.arraycopy(scratch, WIDTH * left, a, WIDTH * out, WIDTH * (mid - left));
  }

  private static void insertion(long[] a, int from, int to) {
    long[] held = new long[WIDTH];
    for (int i = from + 1; i < to; i++) {
      if (!less(a, i, a, i - 1)) {
        continue;
      }
      System.arraycopy(a, WIDTH * i, held, 0, WIDTH);
      int j = i;
      while (j > from && less(held, 0, a, j - 1)) {
        j--;
      }
      System.arraycopy(a, WIDTH * j, a, WIDTH * (j + 1), WIDTH * (i - j));
      System.arraycopy(held, 0, a, WIDTH * j, WIDTH);
    }
  }

  /** Whether record {@code i} of {@code a} starts before record {@code j} of {@code b}. */
  private static boolean less(long[] a, int i, long[] b, int j) {
    return Blocks.compare(a[WIDTH * i], a[WIDTH * i + 1], b[WIDTH * j], b[WIDTH * j + 1]) < 0;
  }
}
