package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.net.NonPublicRanges;
import dev.fleetpanel.node.net.NonPublicRanges.Range;
import java.util.Optional;

/**
 * Whether an address range touches a non-public range: {@link NonPublicRanges} judges networks, so
 * each network of the range's minimal cover is asked in turn (at most 62 for IPv4, 254 for IPv6).
 */
final class RangeCheck {

  private RangeCheck() {}

  /** The non-public range that {@code first-last} overlaps, if any. */
  static Optional<Range> nonPublicIpv4(long first, long last) {
    long at = first;
    while (true) {
      int prefix = Blocks.ipv4BlockPrefix(at, last);
      Optional<Range> range = NonPublicRanges.rangeIpv4(at, prefix);
      long end = at | Blocks.ipv4HostMask(prefix);
      if (range.isPresent() || end == last) {
        return range;
      }
      at = end + 1;
    }
  }

  /** The non-public range that the IPv6 range overlaps, if any. */
  static Optional<Range> nonPublicIpv6(long firstHi, long firstLo, long lastHi, long lastLo) {
    long hi = firstHi;
    long lo = firstLo;
    while (true) {
      int prefix = Blocks.ipv6BlockPrefix(hi, lo, lastHi, lastLo);
      Optional<Range> range = NonPublicRanges.rangeIpv6(hi, lo, prefix);
      long endHi = hi | Blocks.hostMaskHi(prefix);
      long endLo = lo | Blocks.hostMaskLo(prefix);
      if (range.isPresent() || (endHi == lastHi && endLo == lastLo)) {
        return range;
      }
      lo = endLo + 1;
      hi = lo == 0 ? endHi + 1 : endHi;
    }
  }
}
