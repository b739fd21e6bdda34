package dev.fleetpanel.node.agent.metrics;

import java.util.Optional;

/**
 * Space figures of the filesystem mounted at a mount point, as {@code statvfs} reports them. The
 * production implementation is {@link FileSystemStatsReader}; tests pass a fake.
 */
public interface FileSystemStats {

  /**
   * Returns the space of the filesystem at {@code mountPoint} (absolute, as in the mounts file), or
   * empty when it cannot be queried (gone, permission denied, stale network mount).
   */
  Optional<Space> space(String mountPoint);

  /**
   * Raw space figures in bytes.
   *
   * @param total the filesystem size
   * @param usable free bytes an unprivileged user may still write ({@code f_bavail})
   * @param unallocated free bytes including the blocks reserved for root ({@code f_bfree})
   */
  record Space(long total, long usable, long unallocated) {}
}
