package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;
import java.util.Arrays;

/**
 * A sorted list of distinct entries in compact arrays, so that a million entries take 8 MB (IPv4)
 * or 24 MB (IPv6) of heap instead of a million objects: IPv4 as {@code address << 8 | prefix} in a
 * {@code long} (which sorts by address, then prefix), IPv6 as (high, low, prefix) triples.
 */
final class PackedList {

  static final PackedList EMPTY = new PackedList(new long[0], 0, new long[0], 0);

  private final long[] ipv4;
  private final int ipv4Count;
  private final long[] ipv6;
  private final int ipv6Count;
  private final long ipv4Prefixes;
  private final long[] ipv6Prefixes = new long[3];

  PackedList(long[] ipv4, int ipv4Count, long[] ipv6, int ipv6Count) {
    this.ipv4 = ipv4;
    this.ipv4Count = ipv4Count;
    this.ipv6 = ipv6;
    this.ipv6Count = ipv6Count;
    long prefixes = 0;
    for (int i = 0; i < ipv4Count; i++) {
      prefixes |= 1L << (ipv4[i] & 0xFF);
    }
    ipv4Prefixes = prefixes;
    for (int i = 0; i < ipv6Count; i++) {
      int prefix = (int) ipv6[3 * i + 2];
      ipv6Prefixes[prefix >> 6] |= 1L << (prefix & 63);
    }
  }

  static PackedListBuilder builder(int maxEntries) {
    return new PackedListBuilder(maxEntries);
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
      if (Arrays.binarySearch(ipv4, 0, ipv4Count, network << 8 | prefix) >= 0) {
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
      if (searchIpv6(maskedHi, maskedLo, prefix) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the list holds exactly this entry. */
  boolean contains(boolean ipv6, long hi, long lo, int prefix) {
    return ipv6
        ? searchIpv6(hi, lo, prefix) >= 0
        : Arrays.binarySearch(ipv4, 0, ipv4Count, lo << 8 | prefix) >= 0;
  }

  private int searchIpv6(long hi, long lo, int prefix) {
    int low = 0;
    int high = ipv6Count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c =
          EntryOrder.compare(
              true,
              ipv6[3 * mid],
              ipv6[3 * mid + 1],
              (int) ipv6[3 * mid + 2],
              true,
              hi,
              lo,
              prefix);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
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
      return ipv6() ? ipv6[3 * (at - ipv4Count)] : 0;
    }

    @Override
    public long lo() {
      return ipv6() ? ipv6[3 * (at - ipv4Count) + 1] : ipv4[at] >>> 8;
    }

    @Override
    public int prefix() {
      return (int) (ipv6() ? ipv6[3 * (at - ipv4Count) + 2] : ipv4[at] & 0xFF);
    }
  }
}
