package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.blocklist.list.NetworkList;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The permanent lists last applied to nodes, by content hash ({@code blocklist/sent/<hash>.list}),
 * so that the next change can go as a delta. Twenty nodes of the same list share one file; files no
 * node's record names any more are deleted.
 */
public final class SentLists {
  private static final Logger LOG = Logger.getLogger(SentLists.class.getName());

  private final Path dir;

  /**
   * The last lists kept (both directions, before and after a change), so that the next change is
   * worked out without reading its file.
   */
  private final Map<String, NetworkList> recent =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NetworkList> eldest) {
          return size() > 4;
        }
      };

  public SentLists(Path dataDir) {
    this.dir = dataDir.resolve("blocklist").resolve("sent");
  }

  /** Keeps {@code list} (whose hash is {@code hash}) unless it is kept already. */
  public void keep(String hash, NetworkList list) {
    synchronized (recent) {
      recent.put(hash, list);
    }
    Path file = file(hash);
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      list.writeTo(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot keep the list sent to nodes: " + e.getMessage(), e);
    }
  }

  /** The list of {@code hash}, if kept and readable. */
  public Optional<NetworkList> find(String hash) {
    if (hash == null || !hash.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    synchronized (recent) {
      NetworkList kept = recent.get(hash);
      if (kept != null) {
        return Optional.of(kept);
      }
    }
    Path file = file(hash);
    try {
      return Files.exists(file) ? Optional.of(NetworkList.readFrom(file)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "the list sent as " + hash + " cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Deletes the files of every hash not in {@code wanted}. */
  public void retain(Set<String> wanted) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.list")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String hash = name.substring(0, name.length() - ".list".length());
        if (!wanted.contains(hash)) {
          synchronized (recent) {
            recent.remove(hash);
          }
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot tidy the lists sent to nodes: " + e.getMessage(), e);
    }
  }

  private Path file(String hash) {
    return dir.resolve(hash + ".list");
  }
}
