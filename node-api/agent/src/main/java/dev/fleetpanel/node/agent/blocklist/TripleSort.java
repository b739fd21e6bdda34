package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;

/**
 * Sorts IPv6 entries stored as (high, low, prefix) triples in one {@code long[]}, in place, in
 * canonical order: a quicksort (median of three, insertion sort for short runs, recursion on the
 * smaller side so the stack stays O(log n)).
 */
final class TripleSort {

  private static final int INSERTION = 16;

  private TripleSort() {}

  static void sort(long[] a, int count) {
    sort(a, 0, count - 1);
  }

  private static void sort(long[] a, int low, int high) {
    while (high - low >= INSERTION) {
      int mid = (low + high) >>> 1;
      if (less(a, mid, low)) {
        swap(a, mid, low);
      }
      if (less(a, high, low)) {
        swap(a, high, low);
      }
      if (less(a, high, mid)) {
        swap(a, high, mid);
      }
      swap(a, mid, high - 1);
      int pivot = high - 1;
      int i = low;
      int j = high - 1;
      while (true) {
        while (less(a, ++i, pivot)) {}
        while (j > low && less(a, pivot, --j)) {}
        if (i >= j) {
          break;
        }
        swap(a, i, j);
      }
      swap(a, i, high - 1);
      if (i - low < high - i) {
        sort(a, low, i - 1);
        low = i + 1;
      } else {
        sort(a, i + 1, high);
        high = i - 1;
      }
    }
    for (int i = low + 1; i <= high; i++) {
      for (int j = i; j > low && less(a, j, j - 1); j--) {
        swap(a, j, j - 1);
      }
    }
  }

  private static boolean less(long[] a, int x, int y) {
    return EntryOrder.compare(
            true,
            a[3 * x],
            a[3 * x + 1],
            (int) a[3 * x + 2],
            true,
            a[3 * y],
            a[3 * y + 1],
            (int) a[3 * y + 2])
        < 0;
  }

  private static void swap(long[] a, int x, int y) {
    for (int k = 0; k < 3; k++) {
      long t = a[3 * x + k];
      a[3 * x + k] = a[3 * y + k];
      a[3 * y + k] = t;
    }
  }
}
