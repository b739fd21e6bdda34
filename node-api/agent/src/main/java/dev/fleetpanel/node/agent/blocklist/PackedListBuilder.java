package dev.fleetpanel.node.agent.blocklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects entries in fixed-size chunks (so that growing never copies the whole list), then sorts
 * and removes duplicates once. At most {@code maxEntries} entries may be added, duplicates counted:
 * one more throws {@link TooManyEntriesException} before memory grows further.
 */
final class PackedListBuilder {

  private static final int CHUNK = 1 << 16;

  private final int maxEntries;
  private final List<long[]> ipv4Chunks = new ArrayList<>();
  private final List<long[]> ipv6Chunks = new ArrayList<>();
  private int ipv4Count;
  private int ipv6Count;

  PackedListBuilder(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  void addIpv4(long address, int prefix) {
    room();
    int slot = ipv4Count % CHUNK;
    if (slot == 0) {
      ipv4Chunks.add(new long[CHUNK]);
    }
    ipv4Chunks.get(ipv4Chunks.size() - 1)[slot] = address << 8 | prefix;
    ipv4Count++;
  }

  void addIpv6(long hi, long lo, int prefix) {
    room();
    int slot = ipv6Count % CHUNK;
    if (slot == 0) {
      ipv6Chunks.add(new long[3 * CHUNK]);
    }
    long[] chunk = ipv6Chunks.get(ipv6Chunks.size() - 1);
    chunk[3 * slot] = hi;
    chunk[3 * slot + 1] = lo;
    chunk[3 * slot + 2] = prefix;
    ipv6Count++;
  }

  void add(EntryCursor entry) {
    if (entry.ipv6()) {
      addIpv6(entry.hi(), entry.lo(), entry.prefix());
    } else {
      addIpv4(entry.lo(), entry.prefix());
    }
  }

  /** Entries added so far, duplicates counted. */
  int count() {
    return ipv4Count + ipv6Count;
  }

  /** Sorts and drops duplicates; the builder is empty afterwards. */
  PackedList build() {
    long[] ipv4 = drain(ipv4Chunks, ipv4Count, 1);
    Arrays.sort(ipv4);
    int distinct4 = distinct(ipv4, ipv4.length, 1);
    long[] ipv6 = drain(ipv6Chunks, ipv6Count, 3);
    TripleSort.sort(ipv6, ipv6Count);
    int distinct6 = distinct(ipv6, ipv6Count, 3);
    ipv4Count = 0;
    ipv6Count = 0;
    return new PackedList(ipv4, distinct4, ipv6, distinct6);
  }

  private void room() {
    if (ipv4Count + ipv6Count >= maxEntries) {
      throw new TooManyEntriesException(maxEntries);
    }
  }

  /** One array of {@code count} records, releasing each chunk once copied. */
  private static long[] drain(List<long[]> chunks, int count, int width) {
    long[] all = new long[count * width];
    int copied = 0;
    for (int i = 0; i < chunks.size(); i++) {
      int length = Math.min(chunks.get(i).length, all.length - copied);
      System.arraycopy(chunks.get(i), 0, all, copied, length);
      copied += length;
      chunks.set(i, null);
    }
    chunks.clear();
    return all;
  }

  /** Moves distinct records to the front of a sorted array; returns how many there are. */
  private static int distinct(long[] sorted, int count, int width) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (kept > 0 && sameRecord(sorted, (kept - 1) * width, i * width, width)) {
        continue;
      }
      System.arraycopy(sorted, i * width, sorted, kept * width, width);
      kept++;
    }
    return kept;
  }

  private static boolean sameRecord(long[] a, int x, int y, int width) {
    for (int k = 0; k < width; k++) {
      if (a[x + k] != a[y + k]) {
        return false;
      }
    }
    return true;
  }
}
