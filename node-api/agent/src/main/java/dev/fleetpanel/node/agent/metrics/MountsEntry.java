package dev.fleetpanel.node.agent.metrics;

/**
 * One mounted filesystem as listed in {@code /proc/self/mounts}, with octal escapes already
 * decoded.
 *
 * @param device the source, e.g. {@code /dev/sda1}, {@code overlay} or {@code server:/export}
 * @param mountPoint the absolute mount point as seen by the node, e.g. {@code /mnt/my disk}
 * @param fsType the filesystem type, e.g. {@code ext4}
 */
public record MountsEntry(String device, String mountPoint, String fsType) {}
