package dev.fleetpanel.node.agent.blocklist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted runs of packed records in a scratch file, merged into one sorted, distinct file that is
 * mapped into memory (outside the Java heap) and deleted at once: the mapping keeps it readable,
 * and nothing is left behind, even by a crash after the merge.
 */
final class RunFile {

  private static final int BUFFER = 1 << 16;

  private final Path scratch;
  private final Path file;
  private final FileChannel channel;
  private final int width;
  private final List<long[]> bounds = new ArrayList<>();
  private long records;

  private RunFile(Path scratch, Path file, FileChannel channel, int width) {
    this.scratch = scratch;
    this.file = file;
    this.channel = channel;
    this.width = width;
  }

  static RunFile create(Path scratch, int width) throws IOException {
    Files.createDirectories(scratch);
    Path file = Files.createTempFile(scratch, "runs-", ".bin");
    return new RunFile(scratch, file, open(file), width);
  }

  /** Appends the first {@code count} records of {@code sorted} as one run. */
  void append(long[] sorted, int count) throws IOException {
    bounds.add(new long[] {records, records + count});
    write(channel, sorted, count * width);
    records += count;
  }

  /** Merges the runs, drops duplicates across them, maps the result; deletes both files. */
  LongBuffer mergeAndMap() throws IOException {
    LongBuffer runs = map(channel, records * width);
    channel.close();
    Files.delete(file);
    Path merged = Files.createTempFile(scratch, "list-", ".bin");
    try (FileChannel out = open(merged)) {
      long written = merge(runs, out);
      LongBuffer result = map(out, written * width);
      Files.delete(merged);
      return result;
    } finally {
      Files.deleteIfExists(merged);
    }
  }

  /** A k-way merge of the runs, each read through a small heap buffer; duplicates dropped. */
  private long merge(LongBuffer runs, FileChannel out) throws IOException {
    Head[] heads = new Head[bounds.size()];
    for (int r = 0; r < heads.length; r++) {
      long[] range = bounds.get(r);
      heads[r] =
          new Head(runs.slice((int) range[0] * width, (int) (range[1] - range[0]) * width), width);
    }
    long[] output = new long[width * (BUFFER / 8)];
    long[] last = new long[width];
    int filled = 0;
    long written = 0;
    while (true) {
      Head min = null;
      for (Head head : heads) {
        if (head.has() && (min == null || head.compareTo(min) < 0)) {
          min = head;
        }
      }
      if (min == null) {
        break;
      }
      if (written == 0 || Records.compare(min.buffer, min.at, last, 0, width) != 0) {
        System.arraycopy(min.buffer, min.at * width, last, 0, width);
        System.arraycopy(last, 0, output, filled * width, width);
        written++;
        if (++filled * width == output.length) {
          write(out, output, filled * width);
          filled = 0;
        }
      }
      min.advance();
    }
    write(out, output, filled * width);
    return written;
  }

  /** The next records of one run, read in blocks. */
  private static final class Head {
    private final LongBuffer run;
    private final int width;
    private final long[] buffer;
    private int at;
    private int loaded;

    Head(LongBuffer run, int width) {
      this.run = run;
      this.width = width;
      this.buffer = new long[1024 * width];
      load();
    }

    boolean has() {
      return at < loaded;
    }

    int compareTo(Head other) {
      return Records.compare(buffer, at, other.buffer, other.at, width);
    }

    void advance() {
      if (++at == loaded) {
        load();
      }
    }

    private void load() {
      int longs = Math.min(buffer.length, run.remaining());
      run.get(buffer, 0, longs);
      loaded = longs / width;
      at = 0;
    }
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(
        file,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void write(FileChannel channel, long[] values, int length) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    for (int from = 0; from < length; ) {
      int n = Math.min(BUFFER / 8, length - from);
      bytes.clear();
      bytes.asLongBuffer().put(values, from, n);
      bytes.limit(n * 8);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      from += n;
    }
  }

  private static LongBuffer map(FileChannel channel, long longs) throws IOException {
    if (longs == 0) {
      return LongBuffer.allocate(0);
    }
    return channel.map(FileChannel.MapMode.READ_ONLY, 0, longs * 8).asLongBuffer();
  }
}
