package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
 * 0700): {@code <in|out>-permanent.list} (the permanent lists, one canonical entry per line in
 * canonical order: what the kernel must hold), {@code <in|out>-temp-long.list} (temporary entries
 * that outlive an hour, with their expiry) and {@code settings.properties}. Every file is replaced
 * atomically: written beside, flushed to disk, renamed over, the directory flushed, so a crash
 * leaves the old file or the new one, never half of one.
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
  }

  Path permanent(Direction direction) {
    return dir.resolve(direction.wire() + "-permanent.list");
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
    private final Writer writer;
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
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8),
              1 << 16);
    }

    Writer writer() {
      return writer;
    }

    /** Makes the new content the file's, durably. */
    void commit() throws IOException {
      writer.flush();
      channel.force(true);
      writer.close();
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

    /** Drops the new content unless it was committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        writer.close();
        Files.deleteIfExists(temporary);
      }
    }
  }
}
