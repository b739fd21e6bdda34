package dev.fleetpanel.node.agent.metrics;

/**
 * Space of one mounted filesystem, in bytes, computed like {@code df}: {@code used = total -
 * unallocated}; {@code free} is what an unprivileged user may still write; {@code percent = used /
 * (used + free) × 100}, rounded to one decimal, so blocks reserved for root do not count as free.
 *
 * @param device the mount source, e.g. {@code /dev/sda1}
 * @param mountPoint the absolute mount point
 * @param fsType the filesystem type
 * @param total size in bytes
 * @param used used bytes
 * @param free bytes available to unprivileged users
 * @param percent used share, 0..100
 */
public record DiskUsage(
    String device,
    String mountPoint,
    String fsType,
    long total,
    long used,
    long free,
    double percent) {

  /** Combines a mount with the space figures of its filesystem. */
  public static DiskUsage of(MountsEntry mount, FileSystemStats.Space space) {
    long used = Math.max(0, space.total() - space.unallocated());
    long free = Math.max(0, space.usable());
    double percent = used + free == 0 ? 0.0 : Math.round(used * 1000.0 / (used + free)) / 10.0;
    return new DiskUsage(
        mount.device(), mount.mountPoint(), mount.fsType(), space.total(), used, free, percent);
  }
}
