package dev.fleetpanel.node.agent.metrics;

import java.util.Optional;

/**
 * RAM and swap from {@code /proc/meminfo}. All sizes are in bytes (the file says kB, meaning KiB);
 * percentages are 0..100 with one decimal.
 *
 * @param ram physical memory
 * @param swap swap space; all zeros on a host without swap, empty when the file ended before the
 *     swap lines
 */
public record MemInfo(Ram ram, Optional<Swap> swap) {

  /**
   * Physical memory in bytes.
   *
   * @param total {@code MemTotal}
   * @param used {@code total - available}: memory that cannot be handed out without swapping
   * @param free {@code MemFree}, memory nobody uses, not even the page cache
   * @param available {@code MemAvailable}; kernels before 3.14 lack it and get the estimate {@code
   *     free + buffers + cached}, which is somewhat optimistic
   * @param percent {@code used / total}
   * @param buffers {@code Buffers}
   * @param cached {@code Cached + SReclaimable}, as {@code free(1)} and psutil count it
   */
  public record Ram(
      long total,
      long used,
      long free,
      long available,
      double percent,
      long buffers,
      long cached) {}

  /**
   * Swap space in bytes.
   *
   * @param total {@code SwapTotal}
   * @param used {@code total - free}
   * @param free {@code SwapFree}
   * @param percent {@code used / total}, 0 when there is no swap
   */
  public record Swap(long total, long used, long free, double percent) {}
}
