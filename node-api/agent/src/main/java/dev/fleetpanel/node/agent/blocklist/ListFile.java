package dev.fleetpanel.node.agent.blocklist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A permanent list on disk, in the packed form the agent works with, so that a change against a
 * million entries maps the file instead of parsing a million lines. Big-endian: the magic {@code
 * FPBLv001}, the IPv4 and IPv6 counts (8 bytes each), the list's version (32 bytes, the SHA-256 of
 * {@code SetVersion}), then the IPv4 records (8 bytes each) and the IPv6 records (24 bytes each),
 * sorted and distinct ({@link Records}). Read by mapping it; written through {@link
 * StateDir#replace}, so a crash leaves the old list or the new one.
 */
final class ListFile {

  static final byte[] MAGIC = "FPBLv001".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER = MAGIC.length + 8 + 8 + 32;

  /**
   * What a file holds: its entries (mapped, outside the heap) and the version it was written with.
   */
  record Stored(PackedList entries, String version) {}

  private ListFile() {}

  /**
   * The file's content, or empty when there is no file.
   *
   * @throws CorruptListException when it is not such a file or is truncated
   */
  static Optional<Stored> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER) {
        throw new CorruptListException(file + ": shorter than its header");
      }
      ByteBuffer all = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      byte[] magic = new byte[MAGIC.length];
      all.get(magic);
      long ipv4 = all.getLong();
      long ipv6 = all.getLong();
      byte[] version = new byte[32];
      all.get(version);
      if (!Arrays.equals(magic, MAGIC)
          || ipv4 < 0
          || ipv6 < 0
          || size != HEADER + 8 * (ipv4 + PackedList.IPV6_WIDTH * ipv6)) {
        throw new CorruptListException(file + ": not a list file of this agent, or truncated");
      }
      LongBuffer records = all.position(HEADER).slice().asLongBuffer();
      LongBuffer v4 = records.slice(0, (int) ipv4);
      LongBuffer v6 = records.slice((int) ipv4, (int) (PackedList.IPV6_WIDTH * ipv6));
      return Optional.of(new Stored(new PackedList(v4, v6), HexFormat.of().formatHex(version)));
    }
  }

  /** Writes a new list file, entry by entry in canonical order. */
  static final class Writer implements AutoCloseable {
    private final StateDir.Replacement replacement;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private long ipv4;
    private long ipv6;

    Writer(Path file) throws IOException {
      this.replacement = StateDir.replace(file);
      replacement.stream().write(new byte[HEADER]);
    }

    void add(EntryCursor entry) throws IOException {
      if (entry.ipv6()) {
        addIpv6(entry.hi(), entry.lo(), entry.prefix());
      } else {
        addIpv4(entry.lo() << 8 | entry.prefix());
      }
    }

    /** Adds an IPv4 record ({@code address << 8 | prefix}). */
    void addIpv4(long record) throws IOException {
      if (buffer.remaining() < 8) {
        flush();
      }
      buffer.putLong(record);
      ipv4++;
    }

    void addIpv6(long hi, long lo, long prefix) throws IOException {
      if (buffer.remaining() < 8 * PackedList.IPV6_WIDTH) {
        flush();
      }
      buffer.putLong(hi).putLong(lo).putLong(prefix);
      ipv6++;
    }

    /** Writes the header and makes the file the list's. */
    void commit(String version) throws IOException {
      flush();
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      header.put(MAGIC).putLong(ipv4).putLong(ipv6).put(HexFormat.of().parseHex(version)).flip();
      replacement.writeAt(0, header);
      replacement.commit();
    }

    private void flush() throws IOException {
      replacement.stream().write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      replacement.close();
    }
  }
}
