package dev.fleetpanel.node.agent.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/diskstats} into counters per <em>whole disk</em>, keyed by device name in
 * file order. Partitions ({@code sda1}, {@code nvme0n1p1}, {@code mmcblk0p1}) are left out because
 * their I/O is already counted in their disk; so are loop, ram, zram and optical devices, which are
 * not storage the user cares about. Kept: {@code sdX}, {@code hdX}, {@code vdX}, {@code xvdX},
 * {@code nvmeXnY}, {@code mmcblkN}, {@code mdN} and {@code dm-N}. Lines that are short or not
 * numeric are ignored. The parser is pure.
 */
public final class DiskStatsParser {
  private static final Pattern WHOLE_DISK =
      Pattern.compile("(?:sd|hd|vd|xvd)[a-z]+|nvme\\d+n\\d+|mmcblk\\d+|md\\d+|dm-\\d+");
  private static final long SECTOR_BYTES = 512;

  private DiskStatsParser() {}

  public static Map<String, DiskStats> parse(String text) {
    return parse(text.lines().toList());
  }

  public static Map<String, DiskStats> parse(List<String> lines) {
    Map<String, DiskStats> disks = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 14 || !isWholeDisk(f[2])) {
        continue;
      }
      try {
        disks.put(
            f[2],
            new DiskStats(
                f[2],
                number(f[3]),
                number(f[7]),
                Math.multiplyExact(number(f[5]), SECTOR_BYTES),
                Math.multiplyExact(number(f[9]), SECTOR_BYTES),
                number(f[6]),
                number(f[10])));
      } catch (NumberFormatException | ArithmeticException e) {
        // a garbled line is skipped, the others still count
      }
    }
    return Collections.unmodifiableMap(disks);
  }

  /**
   * Whether {@code name} is a whole disk this parser reports, e.g. {@code sda} but not {@code
   * sda1}.
   */
  public static boolean isWholeDisk(String name) {
    return WHOLE_DISK.matcher(name).matches();
  }

  private static long number(String field) {
    long value = Long.parseLong(field);
    if (value < 0) {
      throw new NumberFormatException(field);
    }
    return value;
  }
}
