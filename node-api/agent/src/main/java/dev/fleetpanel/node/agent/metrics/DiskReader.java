package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the disk section under the node root ({@code FLEETPANEL_NODE_ROOT}, default {@code /}):
 * mounts from {@code proc/self/mounts}, falling back to {@code proc/mounts}, with the space of each
 * from {@link FileSystemStats}; I/O counters from {@code proc/diskstats}. A missing or unreadable
 * file gives an empty result, never an exception; a mount whose space cannot be queried is left
 * out, as the seed does.
 */
public final class DiskReader {
  private final Path root;
  private final FileSystemStats stats;

  public DiskReader(Path root) {
    this(root, new FileSystemStatsReader(root));
  }

  public DiskReader(Path root, FileSystemStats stats) {
    this.root = root;
    this.stats = stats;
  }

  /** The real mounted filesystems with their space, in mounts-file order. */
  public List<DiskUsage> partitions() {
    List<String> mounts = ProcFiles.lines(root.resolve("proc/self/mounts"));
    if (mounts.isEmpty()) {
      mounts = ProcFiles.lines(root.resolve("proc/mounts"));
    }
    return MountsParser.parse(mounts).stream()
        .flatMap(mount -> space(mount).map(space -> DiskUsage.of(mount, space)).stream())
        .toList();
  }

  /** Cumulative counters per whole disk, keyed by device name. */
  public Map<String, DiskStats> ioCounters() {
    return DiskStatsParser.parse(ProcFiles.lines(root.resolve("proc/diskstats")));
  }

  private Optional<FileSystemStats.Space> space(MountsEntry mount) {
    try {
      return stats.space(mount.mountPoint());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
