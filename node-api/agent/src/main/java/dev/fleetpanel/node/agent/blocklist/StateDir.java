package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The blocklist's files under the agent's state directory ({@code blocklist/} inside it, mode
 * 0700): {@code <in|out>-permanent.bin} (the permanent lists, what the kernel must hold, in the
 * format of {@link ListFile}), {@code <in|out>-temp-long.list} (temporary entries that outlive an
 * hour, with their expiry), {@code settings.properties} and {@code scratch/} (sorting space for
 * large lists, see {@link PackedListBuilder}). Every file is replaced atomically: written beside,
 * flushed to disk, renamed over, the directory flushed, so a crash leaves the old file or the new
 * one, never half of one.
 */
final class StateDir {

  private final Path dir;

  StateDir(Path stateDir) {
    this.dir = stateDir.resolve("blocklist");
  }

  Path path() {
    return dir;
  }

  void create() throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(scratch());
  }

  /** Empties {@link #scratch()} of what a crash may have left; only before any request runs. */
  void cleanScratch() throws IOException {
    create();
    try (var leftovers = Files.list(scratch())) {
      for (Path file : leftovers.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Where large lists are sorted ({@link PackedListBuilder}); its files are deleted at once. */
  Path scratch() {
    return dir.resolve("scratch");
  }

  Path permanent(Direction direction) {
    return dir.resolve(direction.wire() + "-permanent.bin");
  }

  Path longTemporary(Direction direction) {
    return dir.resolve(direction.wire() + "-temp-long.list");
  }

  Path settings() {
    return dir.resolve("settings.properties");
  }

  /** A reader of {@code file}, or empty when it does not exist. */
  static Optional<BufferedReader> open(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  /** Starts replacing {@code file}; nothing changes until {@link Replacement#commit()}. */
  static Replacement replace(Path file) throws IOException {
    return new Replacement(file);
  }

  /** A file being written beside the one it replaces. */
  static final class Replacement implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private Writer writer;
    private boolean committed;

    private Replacement(Path target) throws IOException {
      this.target = target;
      this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
      this.channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** The new content as text. */
    Writer writer() {
      if (writer == null) {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      }
      return writer;
    }

    /** The new content as bytes. */
    OutputStream stream() {
      return out;
    }

    /** Writes {@code bytes} at {@code position}, over what was streamed there (a header). */
    void writeAt(long position, ByteBuffer bytes) throws IOException {
      flush();
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    }

    /** Makes the new content the file's, durably. */
    void commit() throws IOException {
      flush();
      channel.force(true);
      out.close();
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + target + " atomically", e);
      }
      try (FileChannel parent = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
        parent.force(true);
      }
      committed = true;
    }

    private void flush() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      out.flush();
    }

    /** Drops the new content unless it was committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        out.close();
        Files.deleteIfExists(temporary);
      }
    }
  }
}
