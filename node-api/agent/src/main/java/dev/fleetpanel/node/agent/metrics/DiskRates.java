package dev.fleetpanel.node.agent.metrics;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read and write throughput between two {@link DiskStats} samples, in bytes per second.
 *
 * <p>A counter that went backwards was reset (device re-attached, 32-bit wrap): that interval
 * counts 0 for that counter, never a negative rate. A device absent from the earlier sample has no
 * baseline yet and gets 0. {@code total} sums the whole disks only, leaving out {@code dm-*} and
 * {@code md*}: their I/O is also counted on the disks beneath them. Pure.
 *
 * @param devices rate per device present in the later sample, in its order
 * @param total summed rate of the non-stacked devices
 */
public record DiskRates(Map<String, Rate> devices, Rate total) {

  /** A throughput in bytes per second. */
  public record Rate(double readBytesPerSec, double writeBytesPerSec) {
    public static final Rate ZERO = new Rate(0, 0);
  }

  public static DiskRates between(
      Map<String, DiskStats> earlier, Map<String, DiskStats> later, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    Map<String, Rate> devices = new LinkedHashMap<>();
    double totalRead = 0;
    double totalWrite = 0;
    for (DiskStats now : later.values()) {
      DiskStats before = earlier.get(now.device());
      Rate rate = before == null || seconds <= 0 ? Rate.ZERO : rate(before, now, seconds);
      devices.put(now.device(), rate);
      if (!isStacked(now.device())) {
        totalRead += rate.readBytesPerSec();
        totalWrite += rate.writeBytesPerSec();
      }
    }
    return new DiskRates(Collections.unmodifiableMap(devices), new Rate(totalRead, totalWrite));
  }

  private static Rate rate(DiskStats before, DiskStats now, double seconds) {
    return new Rate(
        delta(before.readBytes(), now.readBytes()) / seconds,
        delta(before.writeBytes(), now.writeBytes()) / seconds);
  }

  private static long delta(long before, long now) {
    return now >= before ? now - before : 0;
  }

  private static boolean isStacked(String device) {
    return device.startsWith("dm-") || device.startsWith("md");
  }
}
