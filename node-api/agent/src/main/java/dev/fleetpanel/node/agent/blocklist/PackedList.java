package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;
import java.nio.LongBuffer;
import java.nio.file.Path;

/**
 * A sorted list of distinct entries as packed records ({@link Records}): IPv4 in one {@code long}
 * each, IPv6 in three. A large list lives in a mapped scratch file outside the Java heap (see
 * {@link PackedListBuilder}), so a million entries never weigh on the agent's small heap.
 */
final class PackedList {

  static final int IPV4_WIDTH = 1;
  static final int IPV6_WIDTH = 3;
  static final PackedList EMPTY = new PackedList(LongBuffer.allocate(0), LongBuffer.allocate(0));

  private final LongBuffer ipv4;
  private final int ipv4Count;
  private final LongBuffer ipv6;
  private final int ipv6Count;
  private final long ipv4Prefixes;
  private final long[] ipv6Prefixes = new long[3];

  /** Takes sorted, distinct records. */
  PackedList(LongBuffer ipv4, LongBuffer ipv6) {
    this.ipv4 = ipv4;
    this.ipv4Count = ipv4.capacity();
    this.ipv6 = ipv6;
    this.ipv6Count = ipv6.capacity() / IPV6_WIDTH;
    long prefixes = 0;
    for (int i = 0; i < ipv4Count; i++) {
      prefixes |= 1L << (ipv4.get(i) & 0xFF);
    }
    ipv4Prefixes = prefixes;
    for (int i = 0; i < ipv6Count; i++) {
      int prefix = (int) ipv6.get(3 * i + 2);
      ipv6Prefixes[prefix >> 6] |= 1L << (prefix & 63);
    }
  }

  /**
   * @param scratch where a large list is spilled, or null for a list that stays small
   */
  static PackedListBuilder builder(int maxEntries, Path scratch) {
    return new PackedListBuilder(maxEntries, scratch);
  }

  /** The IPv4 records (a read-only view). */
  LongBuffer ipv4() {
    return ipv4.asReadOnlyBuffer();
  }

  /** The IPv6 records, three {@code long}s each (a read-only view). */
  LongBuffer ipv6() {
    return ipv6.asReadOnlyBuffer();
  }

  int size() {
    return ipv4Count + ipv6Count;
  }

  int ipv4Count() {
    return ipv4Count;
  }

  int ipv6Count() {
    return ipv6Count;
  }

  EntryCursor cursor() {
    return new Cursor();
  }

  /** Whether an entry covers the IPv4 {@code address}: a search per prefix length in use. */
  boolean coversIpv4(long address) {
    for (int prefix = 32; prefix >= 0; prefix--) {
      if ((ipv4Prefixes & (1L << prefix)) == 0) {
        continue;
      }
      long network = prefix == 0 ? 0 : address & ((0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL);
      if (searchIpv4(network << 8 | prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry covers the IPv6 address ({@code hi}, {@code lo}). */
  boolean coversIpv6(long hi, long lo) {
    for (int prefix = 128; prefix >= 0; prefix--) {
      if ((ipv6Prefixes[prefix >> 6] & (1L << (prefix & 63))) == 0) {
        continue;
      }
      long maskedHi = prefix >= 64 ? hi : (prefix == 0 ? 0 : hi & (-1L << (64 - prefix)));
      long maskedLo = prefix <= 64 ? 0 : (prefix == 128 ? lo : lo & (-1L << (128 - prefix)));
      if (searchIpv6(maskedHi, maskedLo, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The first IPv4 record not below {@code key}. */
  private int lowerBoundIpv4(long key) {
    int low = 0;
    int high = ipv4Count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ipv4.get(mid) < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The first IPv6 record not below ({@code hi}, {@code lo}, {@code prefix}). */
  private int lowerBoundIpv6(long hi, long lo, int prefix) {
    int low = 0;
    int high = ipv6Count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      int c =
          EntryOrder.compare(
              true,
              ipv6.get(3 * mid),
              ipv6.get(3 * mid + 1),
              (int) ipv6.get(3 * mid + 2),
              true,
              hi,
              lo,
              prefix);
      if (c < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Whether the list holds exactly this entry. */
  boolean contains(boolean ipv6, long hi, long lo, int prefix) {
    return ipv6 ? searchIpv6(hi, lo, prefix) : searchIpv4(lo << 8 | prefix);
  }

  private boolean searchIpv4(long key) {
    int at = lowerBoundIpv4(key);
    return at < ipv4Count && ipv4.get(at) == key;
  }

  private boolean searchIpv6(long hi, long lo, int prefix) {
    int at = lowerBoundIpv6(hi, lo, prefix);
    return at < ipv6Count
        && ipv6.get(3 * at) == hi
        && ipv6.get(3 * at + 1) == lo
        && ipv6.get(3 * at + 2) == prefix;
  }

  private final class Cursor implements EntryCursor {
    private int at = -1;

    @Override
    public boolean next() {
      if (at + 1 >= size()) {
        at = size();
        return false;
      }
      at++;
      return true;
    }

    @Override
    public boolean ipv6() {
      return at >= ipv4Count;
    }

    @Override
    public long hi() {
      return ipv6() ? ipv6.get(3 * (at - ipv4Count)) : 0;
    }

    @Override
    public long lo() {
      return ipv6() ? ipv6.get(3 * (at - ipv4Count) + 1) : ipv4.get(at) >>> 8;
    }

    @Override
    public int prefix() {
      return (int) (ipv6() ? ipv6.get(3 * (at - ipv4Count) + 2) : ipv4.get(at) & 0xFF);
    }
  }
}
