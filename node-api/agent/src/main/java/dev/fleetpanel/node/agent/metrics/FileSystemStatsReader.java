package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Queries mount points through {@link FileStore}, resolved under the node root ({@code
 * FLEETPANEL_NODE_ROOT}): with root {@code /host}, mount point {@code /data} is looked up at {@code
 * /host/data}, so the host's mounts must be visible below the root (e.g. a recursive bind mount).
 */
public final class FileSystemStatsReader implements FileSystemStats {
  private final Path root;

  public FileSystemStatsReader(Path root) {
    this.root = root;
  }

  @Override
  public Optional<Space> space(String mountPoint) {
    try {
      FileStore store = Files.getFileStore(root.resolve(mountPoint.replaceFirst("^/+", "")));
      return Optional.of(
          new Space(store.getTotalSpace(), store.getUsableSpace(), store.getUnallocatedSpace()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
