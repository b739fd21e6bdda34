package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryText;
import java.util.ArrayList;
import java.util.List;

/**
 * Lookups in a list by binary search over its intervals: whether it holds all or some of a
 * network's addresses, and which of its entries share addresses with one.
 */
final class ListSearch {

  private static final int W = Ipv6Sort.WIDTH;

  private ListSearch() {}

  static boolean contains(NetworkList list, BlocklistEntry entry) {
    if (!entry.ipv6()) {
      long first = entry.lo();
      long[] a = list.ipv4Intervals();
      int i = lastIpv4StartingBy(a, first);
      return i >= 0 && (a[i] & Blocks.IPV4_MAX) >= (first | Blocks.ipv4HostMask(entry.prefix()));
    }
    long[] a = list.ipv6Intervals();
    int i = lastIpv6StartingBy(a, entry.hi(), entry.lo());
    return i >= 0
        && Blocks.compare(
                a[W * i + 2],
                a[W * i + 3],
                entry.hi() | Blocks.hostMaskHi(entry.prefix()),
                entry.lo() | Blocks.hostMaskLo(entry.prefix()))
            >= 0;
  }

  static boolean overlaps(NetworkList list, BlocklistEntry entry) {
    if (!entry.ipv6()) {
      long[] a = list.ipv4Intervals();
      int i = lastIpv4StartingBy(a, entry.lo() | Blocks.ipv4HostMask(entry.prefix()));
      return i >= 0 && (a[i] & Blocks.IPV4_MAX) >= entry.lo();
    }
    long[] a = list.ipv6Intervals();
    int i =
        lastIpv6StartingBy(
            a,
            entry.hi() | Blocks.hostMaskHi(entry.prefix()),
            entry.lo() | Blocks.hostMaskLo(entry.prefix()));
    return i >= 0 && Blocks.compare(a[W * i + 2], a[W * i + 3], entry.hi(), entry.lo()) >= 0;
  }

  /** The list's entries that share an address with {@code entry}, in order, at most limit. */
  static List<BlocklistEntry> overlapping(NetworkList list, BlocklistEntry entry, int limit) {
    List<BlocklistEntry> found = new ArrayList<>();
    if (!overlaps(list, entry) || limit <= 0) {
      return found;
    }
    boolean ipv6 = entry.ipv6();
    long lastHi = ipv6 ? entry.hi() | Blocks.hostMaskHi(entry.prefix()) : 0;
    long lastLo =
        ipv6
            ? entry.lo() | Blocks.hostMaskLo(entry.prefix())
            : entry.lo() | Blocks.ipv4HostMask(entry.prefix());
    byte[] text = new byte[EntryText.MAX_BYTES];
    EntryCursor cursor = new EntryCursor(list);
    cursor.seek(
        ipv6,
        Math.max(
            0,
            ipv6
                ? lastIpv6StartingBy(list.ipv6Intervals(), entry.hi(), entry.lo())
                : lastIpv4StartingBy(list.ipv4Intervals(), entry.lo())));
    while (found.size() < limit && cursor.next() && cursor.ipv6 == ipv6) {
      if (Blocks.compare(cursor.hi, cursor.lo, lastHi, lastLo) > 0) {
        break;
      }
      if (cursor.endsBefore(entry.hi(), entry.lo())) {
        continue;
      }
      found.add(BlocklistEntry.parse(cursor.text(text)));
    }
    return found;
  }

  /** The last IPv4 interval that starts at or before {@code address}, or -1. */
  static int lastIpv4StartingBy(long[] a, long address) {
    int low = 0;
    int high = a.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if ((a[mid] >>> 32) <= address) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return high;
  }

  /** The last IPv6 interval that starts at or before the address, or -1. */
  static int lastIpv6StartingBy(long[] a, long hi, long lo) {
    int low = 0;
    int high = a.length / W - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (Blocks.compare(a[W * mid], a[W * mid + 1], hi, lo) <= 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return high;
  }
}
