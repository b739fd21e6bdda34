package dev.fleetpanel.node.blocklist;

import java.util.Optional;

/**
 * One blocklist entry, an IPv4 or IPv6 address or network, held in canonical form (see {@link
 * EntryParser} for what is accepted, {@link EntryText} for how it is written, {@link EntryOrder}
 * for how entries sort). Equal entries have equal canonical text.
 */
public final class BlocklistEntry implements Comparable<BlocklistEntry> {

  private final boolean ipv6;
  private final long hi;
  private final long lo;
  private final int prefix;

  private BlocklistEntry(boolean ipv6, long hi, long lo, int prefix) {
    this.ipv6 = ipv6;
    this.hi = hi;
    this.lo = lo;
    this.prefix = prefix;
  }

  /**
   * @throws IllegalArgumentException saying why {@code text} is not an entry
   */
  public static BlocklistEntry parse(String text) {
    EntryParser parser = new EntryParser();
    if (!parser.parse(text)) {
      throw new IllegalArgumentException("'" + text + "': " + parser.error());
    }
    return of(parser);
  }

  /** The entry {@code parser} holds after a successful parse. */
  public static BlocklistEntry of(EntryParser parser) {
    return new BlocklistEntry(parser.ipv6(), parser.hi(), parser.lo(), parser.prefix());
  }

  /** The entry, or empty when {@code text} is not one. */
  public static Optional<BlocklistEntry> tryParse(String text) {
    EntryParser parser = new EntryParser();
    return parser.parse(text) ? Optional.of(of(parser)) : Optional.empty();
  }

  public boolean ipv6() {
    return ipv6;
  }

  /** The high 64 bits of an IPv6 entry; 0 for IPv4. */
  public long hi() {
    return hi;
  }

  /** The low 64 bits of an IPv6 entry, or the IPv4 address. */
  public long lo() {
    return lo;
  }

  public int prefix() {
    return prefix;
  }

  /**
   * Whether the two networks share an address, that is whether one contains the other (an address
   * is a network of one). Never across families.
   */
  public boolean overlaps(BlocklistEntry other) {
    return ipv6 == other.ipv6
        && samePrefix(ipv6, hi, lo, other.hi, other.lo, Math.min(prefix, other.prefix));
  }

  /** Whether two addresses or networks of one family agree on their first {@code bits} bits. */
  static boolean samePrefix(boolean ipv6, long hiA, long loA, long hiB, long loB, int bits) {
    if (!ipv6) {
      return bits == 0 || ((loA ^ loB) >>> (32 - bits)) == 0;
    }
    if (bits <= 64) {
      return bits == 0 || ((hiA ^ hiB) >>> (64 - bits)) == 0;
    }
    return hiA == hiB && ((loA ^ loB) >>> (128 - bits)) == 0;
  }

  /** The canonical text, as {@code ipset list} prints the member. */
  public String canonical() {
    StringBuilder out = new StringBuilder(20);
    return (ipv6
            ? EntryText.appendIpv6(out, hi, lo, prefix)
            : EntryText.appendIpv4(out, lo, prefix))
        .toString();
  }

  @Override
  public int compareTo(BlocklistEntry other) {
    return EntryOrder.compare(ipv6, hi, lo, prefix, other.ipv6, other.hi, other.lo, other.prefix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlocklistEntry e
        && e.ipv6 == ipv6
        && e.hi == hi
        && e.lo == lo
        && e.prefix == prefix;
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(hi) * 31 + Long.hashCode(lo)) * 31 + prefix + (ipv6 ? 1 << 8 : 0);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
