package dev.fleetpanel.node.agent.metrics;

/**
 * Cumulative I/O counters of one block device since boot, from {@code /proc/diskstats}. Counters
 * may wrap or reset (device re-attached); {@link DiskRates} treats a backwards step as a reset.
 *
 * @param device the kernel name, e.g. {@code sda}, {@code nvme0n1}, {@code dm-0}
 * @param readCount completed reads
 * @param writeCount completed writes
 * @param readBytes bytes read (sectors × 512: the kernel always counts 512-byte sectors here)
 * @param writeBytes bytes written (sectors × 512)
 * @param readTimeMs milliseconds spent reading
 * @param writeTimeMs milliseconds spent writing
 */
public record DiskStats(
    String device,
    long readCount,
    long writeCount,
    long readBytes,
    long writeBytes,
    long readTimeMs,
    long writeTimeMs) {}
