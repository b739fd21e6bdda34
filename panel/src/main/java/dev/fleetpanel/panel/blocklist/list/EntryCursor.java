package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.EntryText;
import java.nio.charset.StandardCharsets;

/**
 * Walks the CIDR entries of a list's intervals in canonical order without allocating: the IPv4
 * intervals, then the IPv6 ones, each cut into its minimal cover ({@link Blocks}). After {@link
 * #next()} answered true, the fields describe one entry in {@code EntryParser}'s form.
 */
final class EntryCursor {

  private final long[] ipv4Intervals;
  private final long[] ipv6Intervals;
  private boolean inIpv6;
  private int index;
  private boolean inside;
  private long nextHi;
  private long nextLo;

  boolean ipv6;
  long hi;
  long lo;
  int prefix;

  EntryCursor(NetworkList list) {
    this.ipv4Intervals = list.ipv4Intervals();
    this.ipv6Intervals = list.ipv6Intervals();
  }

  /** The current entry's canonical text, written through {@code scratch}. */
  String text(byte[] scratch) {
    int length =
        ipv6
            ? EntryText.writeIpv6(scratch, 0, hi, lo, prefix)
            : EntryText.writeIpv4(scratch, 0, lo, prefix);
    return new String(scratch, 0, length, StandardCharsets.US_ASCII);
  }

  boolean next() {
    if (!inIpv6) {
      if (index < ipv4Intervals.length) {
        nextIpv4();
        return true;
      }
      inIpv6 = true;
      index = 0;
    }
    if (Ipv6Sort.WIDTH * index < ipv6Intervals.length) {
      nextIpv6();
      return true;
    }
    return false;
  }

  private void nextIpv4() {
    long interval = ipv4Intervals[index];
    long last = interval & Blocks.IPV4_MAX;
    long first = inside ? nextLo : interval >>> 32;
    ipv6 = false;
    hi = 0;
    lo = first;
    prefix = Blocks.ipv4BlockPrefix(first, last);
    long end = first | Blocks.ipv4HostMask(prefix);
    inside = end != last;
    if (inside) {
      nextLo = end + 1;
    } else {
      index++;
    }
  }

  private void nextIpv6() {
    int at = Ipv6Sort.WIDTH * index;
    long lastHi = ipv6Intervals[at + 2];
    long lastLo = ipv6Intervals[at + 3];
    ipv6 = true;
    hi = inside ? nextHi : ipv6Intervals[at];
    lo = inside ? nextLo : ipv6Intervals[at + 1];
    prefix = Blocks.ipv6BlockPrefix(hi, lo, lastHi, lastLo);
    long endHi = hi | Blocks.hostMaskHi(prefix);
    long endLo = lo | Blocks.hostMaskLo(prefix);
    inside = endHi != lastHi || endLo != lastLo;
    if (inside) {
      nextLo = endLo + 1;
      nextHi = nextLo == 0 ? endHi + 1 : endHi;
    } else {
      index++;
    }
  }
}
