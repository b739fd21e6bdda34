package dev.fleetpanel.node.agent.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parses {@code /proc/meminfo} into {@link MemInfo}. Pure: text in, value out.
 *
 * <p>Each line is {@code Key: value kB} (or a bare count such as {@code HugePages_Total}). Lines
 * without a colon, with a negative or non-decimal value or an unknown unit are skipped; words after
 * the unit are ignored; when a key repeats, the first line wins.
 */
public final class MemInfoParser {
  private static final long KIB = 1024;

  private MemInfoParser() {}

  /** Parses the whole file; an unterminated last line (a short read) is ignored. */
  public static Optional<MemInfo> parse(String text) {
    return parse(SystemInfoText.completeLines(text));
  }

  /** Parses complete lines; empty without a positive {@code MemTotal} and a {@code MemFree}. */
  public static Optional<MemInfo> parse(List<String> lines) {
    Map<String, Long> bytes = fields(lines);
    long total = bytes.getOrDefault("MemTotal", 0L);
    if (total <= 0 || !bytes.containsKey("MemFree")) {
      return Optional.empty();
    }
    return Optional.of(new MemInfo(ram(bytes, total), swap(bytes)));
  }

  private static MemInfo.Ram ram(Map<String, Long> bytes, long total) {
    long free = bytes.get("MemFree");
    long buffers = bytes.getOrDefault("Buffers", 0L);
    long cached = bytes.getOrDefault("Cached", 0L) + bytes.getOrDefault("SReclaimable", 0L);
    long available = Math.min(total, bytes.getOrDefault("MemAvailable", free + buffers + cached));
    long used = total - available;
    return new MemInfo.Ram(total, used, free, available, percent(used, total), buffers, cached);
  }

  private static Optional<MemInfo.Swap> swap(Map<String, Long> bytes) {
    if (!bytes.containsKey("SwapTotal") || !bytes.containsKey("SwapFree")) {
      return Optional.empty();
    }
    long total = bytes.get("SwapTotal");
    long free = Math.min(total, bytes.get("SwapFree"));
    long used = total - free;
    return Optional.of(new MemInfo.Swap(total, used, free, percent(used, total)));
  }

  private static double percent(long part, long whole) {
    return whole <= 0 ? 0.0 : SystemInfoText.roundOneDecimal(100.0 * part / whole);
  }

  private static Map<String, Long> fields(List<String> lines) {
    Map<String, Long> bytes = new HashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] tokens = line.substring(colon + 1).trim().split("\\s+");
      value(tokens).ifPresent(v -> bytes.putIfAbsent(line.substring(0, colon).trim(), v));
    }
    return bytes;
  }

  private static OptionalLong value(String[] tokens) {
    OptionalLong number = SystemInfoText.parseCount(tokens[0]);
    if (number.isEmpty()) {
      return number;
    }
    if (tokens.length == 1) {
      return number;
    }
    if (!tokens[1].equals("kB") || number.getAsLong() > Long.MAX_VALUE / KIB) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(number.getAsLong() * KIB);
  }
}
