package dev.fleetpanel.panel.blocklist.list;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The file form of a {@link NetworkList}, big-endian: the magic {@code FPNLv001}, the IPv4 and IPv6
 * interval counts (8 bytes each), the list's content hash (32 bytes), the IPv4 intervals (8 bytes
 * each, {@code first << 32 | last}), the IPv6 intervals (32 bytes each), then the CRC32C of all
 * that (4 bytes). A million IPv4 entries take at most 8 MB. Reading checks the size against the
 * counts, the checksum and the intervals' order, so a damaged file is refused, never half-read.
 */
final class NetworkListFile {

  static final byte[] MAGIC = "FPNLv001".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER = MAGIC.length + 8 + 8 + 32;
  private static final int W = Ipv6Sort.WIDTH;
  private static final int BUFFER = 64 * 1024;

  private NetworkListFile() {}

  static void write(NetworkList list, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Files.createDirectories(directory);
    String hash = list.contentHash();
    Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        Out out = new Out(channel);
        out.bytes(MAGIC);
        out.putLong(list.ipv4Intervals().length);
        out.putLong(list.ipv6Intervals().length / W);
        out.bytes(HexFormat.of().parseHex(hash));
        for (long interval : list.ipv4Intervals()) {
          out.putLong(interval);
        }
        for (long half : list.ipv6Intervals()) {
          out.putLong(half);
        }
        out.finish();
        channel.force(true);
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory(directory);
  }

  static NetworkList read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER + 4) {
        throw new CorruptListFileException(file, "shorter than its header (" + size + " bytes)");
      }
      In in = new In(channel, file);
      byte[] magic = in.bytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new CorruptListFileException(file, "it does not start with FPNLv001");
      }
      long ipv4 = in.getLong();
      long ipv6 = in.getLong();
      if (ipv4 < 0 || ipv6 < 0 || ipv4 > size / 8 || ipv6 > size / (8 * W)) {
        throw new CorruptListFileException(file, "impossible counts " + ipv4 + ", " + ipv6);
      }
      long expected = HEADER + 8 * ipv4 + 8 * W * ipv6 + 4;
      if (size != expected) {
        throw new CorruptListFileException(
            file, "truncated or damaged: " + size + " bytes, its counts say " + expected);
      }
      String hash = HexFormat.of().formatHex(in.bytes(32));
      long[] v4 = new long[(int) ipv4];
      for (int i = 0; i < v4.length; i++) {
        v4[i] = in.getLong();
      }
      long[] v6 = new long[(int) (W * ipv6)];
      for (int i = 0; i < v6.length; i++) {
        v6[i] = in.getLong();
      }
      in.checkSum();
      checkOrder(file, v4, v6);
      return new NetworkList(v4, v6, hash);
    }
  }

  /** The invariants of {@link NetworkList}: each interval after the previous, with a gap. */
  private static void checkOrder(Path file, long[] v4, long[] v6) throws IOException {
    long previousLast = -2;
    for (int i = 0; i < v4.length; i++) {
      long first = v4[i] >>> 32;
      long last = v4[i] & Blocks.IPV4_MAX;
      if (first > last || first <= previousLast + 1) {
        throw new CorruptListFileException(file, "IPv4 interval " + i + " is out of order");
      }
      previousLast = last;
    }
    for (int i = 0; i < v6.length; i += W) {
      boolean ordered = Blocks.compare(v6[i], v6[i + 1], v6[i + 2], v6[i + 3]) <= 0;
      boolean gap =
          i == 0
              || (Blocks.compare(v6[i], v6[i + 1], v6[i - 2], v6[i - 1]) > 0
                  && !Blocks.follows(v6[i - 2], v6[i - 1], v6[i], v6[i + 1]));
      if (!ordered || !gap) {
        throw new CorruptListFileException(file, "IPv6 interval " + i / W + " is out of order");
      }
    }
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform opens directories; the rename itself is already atomic.
    }
  }

  /** Buffered writes that keep the checksum of what went through. */
  private static final class Out {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final CRC32C crc = new CRC32C();

    Out(FileChannel channel) {
      this.channel = channel;
    }

    void bytes(byte[] bytes) throws IOException {
      room(bytes.length);
      buffer.put(bytes);
    }

    void putLong(long value) throws IOException {
      room(8);
      buffer.putLong(value);
    }

    /** Appends the checksum and writes everything out. */
    void finish() throws IOException {
      crc.update(buffer.array(), 0, buffer.position());
      if (buffer.remaining() < 4) {
        drain();
      }
      buffer.putInt((int) crc.getValue());
      drain();
    }

    private void room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        crc.update(buffer.array(), 0, buffer.position());
        drain();
      }
    }

    private void drain() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }
  }

  /** Buffered reads that keep the checksum of what was read. */
  private static final class In {
    private final FileChannel channel;
    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final CRC32C crc = new CRC32C();

    /** Where the bytes read but not yet checksummed start in the buffer. */
    private int unchecked;

    In(FileChannel channel, Path file) {
      this.channel = channel;
      this.file = file;
      buffer.limit(0);
    }

    byte[] bytes(int count) throws IOException {
      need(count);
      byte[] bytes = new byte[count];
      buffer.get(bytes);
      return bytes;
    }

    long getLong() throws IOException {
      need(8);
      return buffer.getLong();
    }

    /** Reads the stored checksum and compares it with that of everything read before it. */
    void checkSum() throws IOException {
      crc.update(buffer.array(), unchecked, buffer.position() - unchecked);
      unchecked = buffer.position();
      int expected = (int) crc.getValue();
      need(4);
      if (buffer.getInt() != expected) {
        throw new CorruptListFileException(file, "its checksum does not match its content");
      }
    }

    private void need(int bytes) throws IOException {
      if (buffer.remaining() >= bytes) {
        return;
      }
      crc.update(buffer.array(), unchecked, buffer.position() - unchecked);
      unchecked = 0;
      buffer.compact();
      while (buffer.position() < bytes) {
        if (channel.read(buffer) < 0) {
          throw new CorruptListFileException(file, "it ends early");
        }
      }
      buffer.flip();
    }
  }
}
