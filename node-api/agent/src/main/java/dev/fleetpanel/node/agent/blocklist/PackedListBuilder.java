package dev.fleetpanel.node.agent.blocklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects entries for a {@link PackedList} in bounded memory: entries fill a chunk of {@link
 * #CHUNK} records; a full chunk is sorted and written to a scratch file as a run, and {@link
 * #build()} merges the runs into one sorted, distinct file that the list maps. So a list of a
 * million entries costs the heap one chunk (512 KiB for IPv4, 1.5 MiB for IPv6), whatever the
 * agent's {@code -Xmx}; without a scratch directory (small lists) everything stays on the heap. At
 * most {@code maxEntries} entries may be added, duplicates counted: one more throws {@link
 * TooManyEntriesException}.
 */
final class PackedListBuilder {

  static final int CHUNK = 1 << 16;

  private final int maxEntries;
  private final Family ipv4;
  private final Family ipv6;

  /**
   * @param scratch where sorted runs are written once a chunk is full; null keeps everything on the
   *     heap (then at most {@link #CHUNK} entries per family)
   */
  PackedListBuilder(int maxEntries, Path scratch) {
    this.maxEntries = maxEntries;
    this.ipv4 = new Family(PackedList.IPV4_WIDTH, scratch);
    this.ipv6 = new Family(PackedList.IPV6_WIDTH, scratch);
  }

  void addIpv4(long address, int prefix) {
    room();
    ipv4.add(address << 8 | prefix, 0, 0);
  }

  void addIpv6(long hi, long lo, int prefix) {
    room();
    ipv6.add(hi, lo, prefix);
  }

  void add(EntryCursor entry) {
    if (entry.ipv6()) {
      addIpv6(entry.hi(), entry.lo(), entry.prefix());
    } else {
      addIpv4(entry.lo(), entry.prefix());
    }
  }

  /** Entries added so far, duplicates counted. */
  long count() {
    return ipv4.count + ipv6.count;
  }

  /** Sorts and drops duplicates; the builder must not be used afterwards. */
  PackedList build() {
    try {
      return new PackedList(ipv4.build(), ipv6.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the list's scratch file: " + e.getMessage(), e);
    }
  }

  private void room() {
    if (ipv4.count + ipv6.count >= maxEntries) {
      throw new TooManyEntriesException(maxEntries);
    }
  }

  /** The records of one family: the current chunk and the runs written so far. */
  private static final class Family {
    private final int width;
    private final Path scratch;
    private final long[] chunk;
    private int inChunk;
    private long count;
    private RunFile runs;

    Family(int width, Path scratch) {
      this.width = width;
      this.scratch = scratch;
      this.chunk = new long[width * CHUNK];
    }

    void add(long a, long b, long c) {
      if (inChunk == CHUNK) {
        spill();
      }
      int at = inChunk * width;
      chunk[at] = a;
      if (width == PackedList.IPV6_WIDTH) {
        chunk[at + 1] = b;
        chunk[at + 2] = c;
      }
      inChunk++;
      count++;
    }

    private void spill() {
      if (scratch == null) {
        throw new IllegalStateException(
            "a list of more than " + CHUNK + " entries needs a scratch directory");
      }
      try {
        if (runs == null) {
          runs = RunFile.create(scratch, width);
        }
        runs.append(chunk, sort());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the list's scratch file: " + e.getMessage(), e);
      }
      inChunk = 0;
    }

    /** Sorts the chunk, drops its duplicates; how many records remain. */
    private int sort() {
      if (width == PackedList.IPV4_WIDTH) {
        Arrays.sort(chunk, 0, inChunk);
      } else {
        TripleSort.sort(chunk, inChunk);
      }
      return Records.distinct(chunk, inChunk, width);
    }

    LongBuffer build() throws IOException {
      if (runs == null) {
        int distinct = sort();
        return LongBuffer.wrap(Arrays.copyOf(chunk, distinct * width));
      }
      if (inChunk > 0) {
        runs.append(chunk, sort());
      }
      return runs.mergeAndMap();
    }
  }
}
