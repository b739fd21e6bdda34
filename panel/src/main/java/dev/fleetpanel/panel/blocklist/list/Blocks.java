package dev.fleetpanel.panel.blocklist.list;

/**
 * Address arithmetic behind the lists: IPv4 addresses are unsigned 32-bit values in a {@code long};
 * IPv6 addresses are unsigned 128-bit values held as (high, low) {@code long} pairs. An interval
 * {@code [first, last]} is inclusive at both ends, so that it can reach the top of the space
 * without overflow. Its minimal CIDR cover is found greedily: from its first address, the largest
 * block that is aligned there and ends within the interval, then the next; that cover is unique.
 */
final class Blocks {

  static final long IPV4_MAX = 0xFFFF_FFFFL;

  private Blocks() {}

  /** The host bits of an IPv4 network of {@code prefix} bits (all ones for /0). */
  static long ipv4HostMask(int prefix) {
    return IPV4_MAX >>> prefix;
  }

  /** The prefix of the largest block aligned at {@code first} that ends within {@code last}. */
  static int ipv4BlockPrefix(long first, long last) {
    int aligned = Long.numberOfTrailingZeros(first);
    int fits = 63 - Long.numberOfLeadingZeros(last - first + 1);
    return 32 - Math.min(Math.min(aligned, fits), 32);
  }

  /** How many CIDR blocks cover the IPv4 interval exactly. */
  static int ipv4BlockCount(long first, long last) {
    int count = 0;
    long at = first;
    while (true) {
      count++;
      long end = at | ipv4HostMask(ipv4BlockPrefix(at, last));
      if (end == last) {
        return count;
      }
      at = end + 1;
    }
  }

  /** The high 64 host bits of an IPv6 network of {@code prefix} bits. */
  static long hostMaskHi(int prefix) {
    return prefix >= 64 ? 0 : -1L >>> prefix;
  }

  /** The low 64 host bits of an IPv6 network of {@code prefix} bits. */
  static long hostMaskLo(int prefix) {
    return prefix >= 128 ? 0 : prefix <= 64 ? -1L : -1L >>> (prefix - 64);
  }

  /** Compares two 128-bit addresses as unsigned numbers. */
  static int compare(long hiA, long loA, long hiB, long loB) {
    int c = Long.compareUnsigned(hiA, hiB);
    return c != 0 ? c : Long.compareUnsigned(loA, loB);
  }

  /** Whether address B directly follows address A (never true when A is the last address). */
  static boolean follows(long hiA, long loA, long hiB, long loB) {
    return loA == -1L ? hiA != -1L && hiB == hiA + 1 && loB == 0 : hiB == hiA && loB == loA + 1;
  }

  /**
   * The prefix of the largest IPv6 block aligned at {@code first} that ends within {@code last}
   * ({@code first <= last}).
   */
  static int ipv6BlockPrefix(long firstHi, long firstLo, long lastHi, long lastLo) {
    int aligned =
        firstLo != 0
            ? Long.numberOfTrailingZeros(firstLo)
            : 64 + Math.min(Long.numberOfTrailingZeros(firstHi), 64);
    long spanLo = lastLo - firstLo;
    long spanHi = lastHi - firstHi - (Long.compareUnsigned(lastLo, firstLo) < 0 ? 1 : 0);
    int fits;
    if (spanHi == -1L && spanLo == -1L) {
      fits = 128;
    } else {
      long countLo = spanLo + 1;
      long countHi = countLo == 0 ? spanHi + 1 : spanHi;
      fits =
          countHi != 0
              ? 127 - Long.numberOfLeadingZeros(countHi)
              : 63 - Long.numberOfLeadingZeros(countLo);
    }
    return 128 - Math.min(aligned, fits);
  }

  /** How many CIDR blocks cover the IPv6 interval exactly. */
  static int ipv6BlockCount(long firstHi, long firstLo, long lastHi, long lastLo) {
    int count = 0;
    long hi = firstHi;
    long lo = firstLo;
    while (true) {
      count++;
      int prefix = ipv6BlockPrefix(hi, lo, lastHi, lastLo);
      long endHi = hi | hostMaskHi(prefix);
      long endLo = lo | hostMaskLo(prefix);
      if (endHi == lastHi && endLo == lastLo) {
        return count;
      }
      lo = endLo + 1;
      hi = lo == 0 ? endHi + 1 : endHi;
    }
  }
}
