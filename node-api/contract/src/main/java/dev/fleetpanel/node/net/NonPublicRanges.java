package dev.fleetpanel.node.net;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import java.util.List;
import java.util.Optional;

/**
 * Address ranges a blocklist must never touch: blocking them cuts a node off from itself, its
 * neighbours or its panel (a bogon list that dropped loopback on every node was a real incident).
 * An entry is refused when it lies in, contains or overlaps one of them, so {@code 8.0.0.0/6}
 * (which covers {@code 10.0.0.0/8}) and {@code 0.0.0.0/0} are refused as well as {@code 10.1.2.3}.
 *
 * <p>IPv4: the seed's list (this network, private, shared CGNAT, loopback, link-local, IETF
 * protocol assignments, documentation, benchmarking, multicast, reserved and broadcast). IPv6: the
 * unspecified and loopback addresses, IPv4-mapped and translated addresses, discard-only, the IETF
 * protocol assignments (Teredo, benchmarking, ORCHID), documentation, unique local, link-local,
 * site-local and multicast ranges, and everything outside the global unicast range {@code
 * 2000::/3}, which IANA keeps reserved.
 */
public final class NonPublicRanges {

  /** One range and what it is, e.g. {@code 10.0.0.0/8} "private network". */
  public record Range(String network, String name) {
    /** {@code "10.0.0.0/8 (private network)"}. */
    public String describe() {
      return network + " (" + name + ")";
    }
  }

  public static final List<Range> IPV4 =
      List.of(
          new Range("0.0.0.0/8", "this network"),
          new Range("10.0.0.0/8", "private network"),
          new Range("100.64.0.0/10", "shared address space, CGNAT"),
          new Range("127.0.0.0/8", "loopback"),
          new Range("169.254.0.0/16", "link-local"),
          new Range("172.16.0.0/12", "private network"),
          new Range("192.0.0.0/24", "IETF protocol assignments"),
          new Range("192.0.2.0/24", "documentation, TEST-NET-1"),
          new Range("192.168.0.0/16", "private network"),
          new Range("198.18.0.0/15", "benchmarking"),
          new Range("198.51.100.0/24", "documentation, TEST-NET-2"),
          new Range("203.0.113.0/24", "documentation, TEST-NET-3"),
          new Range("224.0.0.0/4", "multicast"),
          new Range("240.0.0.0/4", "reserved and broadcast"));

  public static final List<Range> IPV6 =
      List.of(
          new Range("::/128", "unspecified address"),
          new Range("::1/128", "loopback"),
          new Range("::ffff:0:0/96", "IPv4-mapped addresses"),
          new Range("64:ff9b::/96", "IPv4/IPv6 translation"),
          new Range("64:ff9b:1::/48", "local IPv4/IPv6 translation"),
          new Range("100::/64", "discard-only"),
          new Range("2001::/23", "IETF protocol assignments"),
          new Range("2001:db8::/32", "documentation"),
          new Range("3fff::/20", "documentation"),
          new Range("fc00::/7", "unique local"),
          new Range("fe80::/10", "link-local"),
          new Range("fec0::/10", "site-local"),
          new Range("ff00::/8", "multicast"));

  /** IPv6 outside this range is reserved by IANA (not global unicast). */
  public static final Range GLOBAL_UNICAST = new Range("2000::/3", "global unicast");

  private static final long[] V4_FIRST = new long[IPV4.size()];
  private static final long[] V4_LAST = new long[IPV4.size()];
  private static final long[][] V6_BOUNDS = new long[IPV6.size()][];
  private static final long[] GLOBAL = bounds6(BlocklistEntry.parse(GLOBAL_UNICAST.network()));

  static {
    for (int i = 0; i < IPV4.size(); i++) {
      BlocklistEntry range = BlocklistEntry.parse(IPV4.get(i).network());
      V4_FIRST[i] = range.lo();
      V4_LAST[i] = range.lo() | hostMask32(range.prefix());
    }
    for (int i = 0; i < IPV6.size(); i++) {
      V6_BOUNDS[i] = bounds6(BlocklistEntry.parse(IPV6.get(i).network()));
    }
  }

  private NonPublicRanges() {}

  /**
   * The described range an IPv4 network overlaps, if any.
   *
   * @param address the network address in the low 32 bits, host bits cleared
   */
  public static Optional<String> overlapIpv4(long address, int prefix) {
    return rangeIpv4(address, prefix).map(NonPublicRanges::describe);
  }

  /** The range an IPv4 network overlaps, if any (address as in {@link #overlapIpv4}). */
  public static Optional<Range> rangeIpv4(long address, int prefix) {
    long last = address | hostMask32(prefix);
    for (int i = 0; i < V4_FIRST.length; i++) {
      if (address <= V4_LAST[i] && V4_FIRST[i] <= last) {
        return Optional.of(IPV4.get(i));
      }
    }
    return Optional.empty();
  }

  /** The described range an IPv6 network (128 bits, host bits cleared) overlaps, if any. */
  public static Optional<String> overlapIpv6(long hi, long lo, int prefix) {
    return rangeIpv6(hi, lo, prefix).map(NonPublicRanges::describe);
  }

  /**
   * The range an IPv6 network (128 bits, host bits cleared) overlaps, if any: one of {@link #IPV6},
   * or {@link #GLOBAL_UNICAST} when the network reaches outside it.
   */
  public static Optional<Range> rangeIpv6(long hi, long lo, int prefix) {
    long[] entry = bounds6(hi, lo, prefix);
    for (int i = 0; i < V6_BOUNDS.length; i++) {
      if (overlap(entry, V6_BOUNDS[i])) {
        return Optional.of(IPV6.get(i));
      }
    }
    if (compare(entry[0], entry[1], GLOBAL[0], GLOBAL[1]) < 0
        || compare(entry[2], entry[3], GLOBAL[2], GLOBAL[3]) > 0) {
      return Optional.of(GLOBAL_UNICAST);
    }
    return Optional.empty();
  }

  /**
   * What a refusal says after "overlaps": {@link Range#describe}, or what lies outside global
   * unicast.
   */
  private static String describe(Range range) {
    return range.equals(GLOBAL_UNICAST)
        ? "what IANA reserves outside the global unicast range " + GLOBAL_UNICAST.network()
        : range.describe();
  }

  /** The described range {@code entry} overlaps, if any. */
  public static Optional<String> overlap(BlocklistEntry entry) {
    return entry.ipv6()
        ? overlapIpv6(entry.hi(), entry.lo(), entry.prefix())
        : overlapIpv4(entry.lo(), entry.prefix());
  }

  /**
   * The described range {@code cidr} overlaps, if any. (An IPv4-mapped IPv6 literal is an IPv4
   * {@link Cidr}: parse blocklist entries with {@link BlocklistEntry} instead.)
   */
  public static Optional<String> overlap(Cidr cidr) {
    byte[] network = cidr.network();
    return network.length == 4
        ? overlapIpv4(toLong(network, 0, 4), cidr.prefix())
        : overlapIpv6(toLong(network, 0, 8), toLong(network, 8, 8), cidr.prefix());
  }

  private static long hostMask32(int prefix) {
    return prefix == 0 ? 0xFFFF_FFFFL : (1L << (32 - prefix)) - 1;
  }

  /** {first hi, first lo, last hi, last lo} of an IPv6 network. */
  private static long[] bounds6(long hi, long lo, int prefix) {
    long hostHi = prefix >= 64 ? 0 : (prefix == 0 ? -1L : -1L >>> prefix);
    long hostLo = prefix >= 128 ? 0 : (prefix <= 64 ? -1L : -1L >>> (prefix - 64));
    return new long[] {hi, lo, hi | hostHi, lo | hostLo};
  }

  private static long[] bounds6(BlocklistEntry range) {
    return bounds6(range.hi(), range.lo(), range.prefix());
  }

  private static boolean overlap(long[] a, long[] b) {
    return compare(a[0], a[1], b[2], b[3]) <= 0 && compare(b[0], b[1], a[2], a[3]) <= 0;
  }

  private static int compare(long hiA, long loA, long hiB, long loB) {
    int c = Long.compareUnsigned(hiA, hiB);
    return c != 0 ? c : Long.compareUnsigned(loA, loB);
  }

  private static long toLong(byte[] bytes, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      value = value << 8 | (bytes[i] & 0xFF);
    }
    return value;
  }
}
