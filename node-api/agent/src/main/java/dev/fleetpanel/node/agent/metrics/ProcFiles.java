package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the small kernel text files below the node root ({@code /proc}, {@code /sys}, {@code /etc})
 * for every reader. A file that is missing, unreadable, larger than {@link #MAX_BYTES} or vanishes
 * while being read (a process exiting) gives an empty result, never an exception. Bytes that are
 * not valid UTF-8 become U+FFFD. (Socket tables are streamed by their own reader: they can be far
 * larger.)
 */
final class ProcFiles {
  /** Far above any real text file read here (cpuinfo of a 512-thread host is ~700 KiB). */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private ProcFiles() {}

  static Optional<String> read(Path root, String relative) {
    try {
      return read(root.resolve(relative));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  static Optional<String> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException
        | UncheckedIOException
        | SecurityException
        | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** The stripped content, or empty when the file is absent, unreadable or blank. */
  static Optional<String> text(Path file) {
    return read(file).map(String::strip).filter(s -> !s.isEmpty());
  }

  static List<String> lines(Path file) {
    return read(file).map(text -> text.lines().toList()).orElse(List.of());
  }
}
