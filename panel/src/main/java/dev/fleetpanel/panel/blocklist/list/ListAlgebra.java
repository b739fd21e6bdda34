package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.EntryOrder;

/**
 * Differences between lists, each one pass over two sorted lists. A diff's sides are sets of CIDR
 * entries of one list; built into lists they keep exactly those entries (a run of one interval's
 * minimal cover is the minimal cover of the run's span), so the diff can be sent as it is.
 */
final class ListAlgebra {

  private static final int W = Ipv6Sort.WIDTH;

  private ListAlgebra() {}

  static NetworkList.Diff diff(NetworkList from, NetworkList to) {
    NetworkListBuilder added = NetworkList.builder();
    NetworkListBuilder removed = NetworkList.builder();
    EntryCursor old = new EntryCursor(from);
    EntryCursor now = new EntryCursor(to);
    boolean hasOld = old.next();
    boolean hasNow = now.next();
    while (hasOld || hasNow) {
      int c =
          !hasOld
              ? 1
              : !hasNow
                  ? -1
                  : EntryOrder.compare(
                      old.ipv6, old.hi, old.lo, old.prefix, now.ipv6, now.hi, now.lo, now.prefix);
      if (c < 0) {
        add(removed, old);
        hasOld = old.next();
      } else if (c > 0) {
        add(added, now);
        hasNow = now.next();
      } else {
        hasOld = old.next();
        hasNow = now.next();
      }
    }
    return new NetworkList.Diff(added.build(), removed.build());
  }

  private static void add(NetworkListBuilder builder, EntryCursor entry) {
    if (entry.ipv6) {
      builder.addIpv6(entry.hi, entry.lo, entry.prefix);
    } else {
      builder.addIpv4(entry.lo, entry.prefix);
    }
  }

  /** The addresses of {@code list} not in {@code other}. */
  static NetworkList minus(NetworkList list, NetworkList other) {
    NetworkListBuilder out = NetworkList.builder();
    minusIpv4(list.ipv4Intervals(), other.ipv4Intervals(), out);
    minusIpv6(list.ipv6Intervals(), other.ipv6Intervals(), out);
    return out.build();
  }

  private static void minusIpv4(long[] a, long[] b, NetworkListBuilder out) {
    int j = 0;
    for (long interval : a) {
      long at = interval >>> 32;
      long last = interval & Blocks.IPV4_MAX;
      while (j < b.length && (b[j] & Blocks.IPV4_MAX) < at) {
        j++;
      }
      for (int k = j; k < b.length && (b[k] >>> 32) <= last && at <= last; k++) {
        long cutFirst = b[k] >>> 32;
        if (cutFirst > at) {
          out.addIpv4Range(at, cutFirst - 1);
        }
        at = Math.max(at, (b[k] & Blocks.IPV4_MAX) + 1);
      }
      if (at <= last) {
        out.addIpv4Range(at, last);
      }
    }
  }

  private static void minusIpv6(long[] a, long[] b, NetworkListBuilder out) {
    int j = 0;
    for (int i = 0; i < a.length; i += W) {
      long atHi = a[i];
      long atLo = a[i + 1];
      long lastHi = a[i + 2];
      long lastLo = a[i + 3];
      while (j < b.length && Blocks.compare(b[j + 2], b[j + 3], atHi, atLo) < 0) {
        j += W;
      }
      boolean left = true;
      for (int k = j; left && k < b.length; k += W) {
        if (Blocks.compare(b[k], b[k + 1], lastHi, lastLo) > 0) {
          break;
        }
        if (Blocks.compare(b[k], b[k + 1], atHi, atLo) > 0) {
          long beforeLo = b[k + 1] - 1;
          long beforeHi = b[k + 1] == 0 ? b[k] - 1 : b[k];
          out.addIpv6Range(atHi, atLo, beforeHi, beforeLo);
        }
        if (Blocks.compare(b[k + 2], b[k + 3], lastHi, lastLo) >= 0) {
          left = false;
        } else {
          atLo = b[k + 3] + 1;
          atHi = atLo == 0 ? b[k + 2] + 1 : b[k + 2];
        }
      }
      if (left) {
        out.addIpv6Range(atHi, atLo, lastHi, lastLo);
      }
    }
  }
}
