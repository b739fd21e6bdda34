package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.io.IOException;
import java.nio.LongBuffer;

/**
 * The new content of a large list after a small change (present plus additions minus removals, an
 * entry in both removed), hashed and written to its new file in one pass over packed records read
 * in chunks: the path of a 100-entry delta against a million, which must take a fraction of a
 * second on the agent's C1-only JVM. {@link ChangedCursor} does the same through cursors, for lists
 * read from the kernel.
 */
final class DeltaWalk {

  private static final int CHUNK = 8192;

  private final SetVersion.Hasher hasher;
  private final ListFile.Writer out;
  private final long[] kept = new long[2];
  private final long[] added = new long[2];
  private final long[] removed = new long[2];

  private DeltaWalk(SetVersion.Hasher hasher, ListFile.Writer out) {
    this.hasher = hasher;
    this.out = out;
  }

  /** Walks both families; the hasher and the writer get every entry of the new list in order. */
  static DeltaWalk run(
      PackedList present,
      PackedList additions,
      PackedList removals,
      SetVersion.Hasher hasher,
      ListFile.Writer out)
      throws IOException {
    DeltaWalk walk = new DeltaWalk(hasher, out);
    walk.family(present.ipv4(), additions.ipv4(), removals.ipv4(), PackedList.IPV4_WIDTH);
    walk.family(present.ipv6(), additions.ipv6(), removals.ipv6(), PackedList.IPV6_WIDTH);
    return walk;
  }

  /** Entries of the family ({@code ipv6}) in the new list. */
  long kept(boolean ipv6) {
    return kept[ipv6 ? 1 : 0];
  }

  long added(boolean ipv6) {
    return added[ipv6 ? 1 : 0];
  }

  long added() {
    return added[0] + added[1];
  }

  long removed() {
    return removed[0] + removed[1];
  }

  private void family(LongBuffer present, LongBuffer additions, LongBuffer removals, int width)
      throws IOException {
    int family = width == PackedList.IPV4_WIDTH ? 0 : 1;
    Chunks chunks = new Chunks(present, width);
    int addition = 0;
    int removal = 0;
    int additionCount = additions.capacity() / width;
    int removalCount = removals.capacity() / width;
    long[] record = new long[width];
    while (chunks.has() || addition < additionCount) {
      boolean wasPresent;
      if (!chunks.has()
          || (addition < additionCount
              && compare(additions, addition, chunks.buffer, chunks.at, width) < 0)) {
        additions.get(addition * width, record);
        addition++;
        wasPresent = false;
      } else {
        System.arraycopy(chunks.buffer, chunks.at * width, record, 0, width);
        if (addition < additionCount
            && compare(additions, addition, chunks.buffer, chunks.at, width) == 0) {
          addition++;
        }
        chunks.advance();
        wasPresent = true;
      }
      while (removal < removalCount && compare(removals, removal, record, 0, width) < 0) {
        removal++;
      }
      if (removal < removalCount && compare(removals, removal, record, 0, width) == 0) {
        removed[family] += wasPresent ? 1 : 0;
        continue;
      }
      added[family] += wasPresent ? 0 : 1;
      kept[family]++;
      emit(record, width);
    }
  }

  private void emit(long[] record, int width) throws IOException {
    if (width == PackedList.IPV4_WIDTH) {
      hasher.addIpv4(record[0] >>> 8, (int) (record[0] & 0xFF));
      out.addIpv4(record[0]);
    } else {
      hasher.addIpv6(record[0], record[1], (int) record[2]);
      out.addIpv6(record[0], record[1], record[2]);
    }
  }

  /** Compares record {@code i} of a small buffer with record {@code j} of an array. */
  private static int compare(LongBuffer small, int i, long[] array, int j, int width) {
    if (width == PackedList.IPV4_WIDTH) {
      return Long.compare(small.get(i), array[j]);
    }
    return EntryOrder.compare(
        true,
        small.get(3 * i),
        small.get(3 * i + 1),
        (int) small.get(3 * i + 2),
        true,
        array[3 * j],
        array[3 * j + 1],
        (int) array[3 * j + 2]);
  }

  /** A large (mapped) buffer read in chunks into a heap array, for array-speed access. */
  private static final class Chunks {
    private final LongBuffer source;
    private final int width;
    private final long[] buffer;
    private final int records;
    private int loadedFrom;
    private int loaded;
    private int at;

    Chunks(LongBuffer source, int width) {
      this.source = source;
      this.width = width;
      this.buffer = new long[CHUNK * width];
      this.records = source.capacity() / width;
      load(0);
    }

    boolean has() {
      return at < loaded;
    }

    void advance() {
      if (++at == loaded && loadedFrom + loaded < records) {
        load(loadedFrom + loaded);
      }
    }

    private void load(int from) {
      loadedFrom = from;
      loaded = Math.min(CHUNK, records - from);
      source.get(from * width, buffer, 0, loaded * width);
      at = 0;
    }
  }
}
