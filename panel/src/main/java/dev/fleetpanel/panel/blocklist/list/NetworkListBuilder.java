package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryParser;
import java.util.Arrays;

/**
 * Collects networks and address ranges in any order, duplicates and overlaps allowed, and builds
 * the merged {@link NetworkList}. Until then it holds 8 bytes per IPv4 and 32 per IPv6 network or
 * range added ({@link ListParser} merges as it goes, so duplicates do not pile up), and building
 * takes one more copy of the merged intervals. Host bits of a network are ignored. Not thread-safe;
 * it may go on collecting after {@link #build()}.
 */
public final class NetworkListBuilder {

  /** IPv4 intervals packed as {@code first << 32 | last}, flipped in the sign bit to sort. */
  private long[] ipv4 = new long[64];

  private int ipv4Count;

  /** IPv6 intervals, {@link Ipv6Sort#WIDTH} longs each. */
  private long[] ipv6 = new long[4 * Ipv6Sort.WIDTH];

  private int ipv6Count;

  NetworkListBuilder() {}

  public NetworkListBuilder add(BlocklistEntry entry) {
    return entry.ipv6()
        ? addIpv6(entry.hi(), entry.lo(), entry.prefix())
        : addIpv4(entry.lo(), entry.prefix());
  }

  /** Adds the entry {@code parsed} holds after a successful parse, without allocating. */
  public NetworkListBuilder add(EntryParser parsed) {
    return parsed.ipv6()
        ? addIpv6(parsed.hi(), parsed.lo(), parsed.prefix())
        : addIpv4(parsed.lo(), parsed.prefix());
  }

  /** Adds every network of {@code list}. */
  public NetworkListBuilder addAll(NetworkList list) {
    long[] packed = list.ipv4Intervals();
    for (long interval : packed) {
      addIpv4Range(interval >>> 32, interval & Blocks.IPV4_MAX);
    }
    long[] wide = list.ipv6Intervals();
    for (int i = 0; i < wide.length; i += Ipv6Sort.WIDTH) {
      addIpv6Range(wide[i], wide[i + 1], wide[i + 2], wide[i + 3]);
    }
    return this;
  }

  /** Adds an IPv4 network ({@code address} in the low 32 bits). */
  public NetworkListBuilder addIpv4(long address, int prefix) {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("IPv4 prefix length must be 0-32: " + prefix);
    }
    long host = Blocks.ipv4HostMask(prefix);
    return addIpv4Range(address & ~host, address | host);
  }

  /** Adds the IPv4 addresses {@code first} to {@code last}, both included. */
  public NetworkListBuilder addIpv4Range(long first, long last) {
    if (first < 0 || last > Blocks.IPV4_MAX || first > last) {
      throw new IllegalArgumentException("not an IPv4 range: " + first + "-" + last);
    }
    if (ipv4Count == ipv4.length) {
      ipv4 = Arrays.copyOf(ipv4, grown(ipv4Count));
    }
    ipv4[ipv4Count++] = (first << 32 | last) ^ Long.MIN_VALUE;
    return this;
  }

  /** Adds an IPv6 network. */
  public NetworkListBuilder addIpv6(long hi, long lo, int prefix) {
    if (prefix < 0 || prefix > 128) {
      throw new IllegalArgumentException("IPv6 prefix length must be 0-128: " + prefix);
    }
    long hostHi = Blocks.hostMaskHi(prefix);
    long hostLo = Blocks.hostMaskLo(prefix);
    return addIpv6Range(hi & ~hostHi, lo & ~hostLo, hi | hostHi, lo | hostLo);
  }

  /** Adds the IPv6 addresses {@code first} to {@code last}, both included. */
  public NetworkListBuilder addIpv6Range(long firstHi, long firstLo, long lastHi, long lastLo) {
    if (Blocks.compare(firstHi, firstLo, lastHi, lastLo) > 0) {
      throw new IllegalArgumentException("an IPv6 range must not end before it starts");
    }
    int at = Ipv6Sort.WIDTH * ipv6Count;
    if (at == ipv6.length) {
      ipv6 = Arrays.copyOf(ipv6, Ipv6Sort.WIDTH * grown(ipv6Count));
    }
    ipv6[at] = firstHi;
    ipv6[at + 1] = firstLo;
    ipv6[at + 2] = lastHi;
    ipv6[at + 3] = lastLo;
    ipv6Count++;
    return this;
  }

  /** The merged list of everything added so far. */
  public NetworkList build() {
    compact();
    long[] packed = new long[ipv4Count];
    for (int i = 0; i < ipv4Count; i++) {
      packed[i] = ipv4[i] ^ Long.MIN_VALUE;
    }
    return new NetworkList(packed, Arrays.copyOf(ipv6, Ipv6Sort.WIDTH * ipv6Count), null);
  }

  /**
   * Sorts and merges what was added, in place, so that duplicates stop costing memory.
   *
   * @return the merged intervals held (a lower bound of the merged list's entries)
   */
  int compact() {
    compactIpv4();
    compactIpv6();
    return ipv4Count + ipv6Count;
  }

  private void compactIpv4() {
    if (!ascending(ipv4, ipv4Count)) {
      Arrays.sort(ipv4, 0, ipv4Count);
    }
    int kept = 0;
    long first = 0;
    long last = -2;
    for (int i = 0; i < ipv4Count; i++) {
      long interval = ipv4[i] ^ Long.MIN_VALUE;
      long start = interval >>> 32;
      long end = interval & Blocks.IPV4_MAX;
      if (start <= last + 1) {
        last = Math.max(last, end);
        continue;
      }
      if (last >= 0) {
        ipv4[kept++] = (first << 32 | last) ^ Long.MIN_VALUE;
      }
      first = start;
      last = end;
    }
    if (last >= 0) {
      ipv4[kept++] = (first << 32 | last) ^ Long.MIN_VALUE;
    }
    ipv4Count = kept;
  }

  private void compactIpv6() {
    Ipv6Sort.sort(ipv6, ipv6Count);
    long[] a = ipv6;
    int kept = 0;
    for (int i = 0; i < ipv6Count; i++) {
      int at = Ipv6Sort.WIDTH * i;
      int open = Ipv6Sort.WIDTH * (kept - 1);
      if (kept > 0
          && (Blocks.compare(a[at], a[at + 1], a[open + 2], a[open + 3]) <= 0
              || Blocks.follows(a[open + 2], a[open + 3], a[at], a[at + 1]))) {
        if (Blocks.compare(a[at + 2], a[at + 3], a[open + 2], a[open + 3]) > 0) {
          a[open + 2] = a[at + 2];
          a[open + 3] = a[at + 3];
        }
        continue;
      }
      System.arraycopy(a, at, a, Ipv6Sort.WIDTH * kept++, Ipv6Sort.WIDTH);
    }
    ipv6Count = kept;
  }

  private static boolean ascending(long[] a, int count) {
    for (int i = 1; i < count; i++) {
      if (a[i] < a[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private static int grown(int count) {
    if (count >= Integer.MAX_VALUE / 8) {
      throw new IllegalStateException("too many networks for one list");
    }
    return Math.max(16, count + (count >> 1));
  }
}
