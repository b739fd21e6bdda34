package dev.fleetpanel.node.agent.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Parses {@code /proc/stat} into {@link CpuTimes}. Pure: text in, value out.
 *
 * <p>Lines it does not understand are skipped: unknown keys, {@code cpu} lines with fewer than the
 * four fields of the oldest kernels, negative or non-decimal numbers. Fields the kernel added later
 * ({@code iowait} to {@code steal}) count as 0 when absent; fields after {@code steal} are ignored.
 * When a key repeats, the first line wins.
 */
public final class CpuTimesParser {
  private static final int MIN_FIELDS = 4;
  private static final int USED_FIELDS = 8;

  private CpuTimesParser() {}

  /** Parses the whole file; an unterminated last line (a short read) is ignored. */
  public static Optional<CpuTimes> parse(String text) {
    return parse(SystemInfoText.completeLines(text));
  }

  /** Parses complete lines; empty when there is no valid aggregate {@code cpu} line. */
  public static Optional<CpuTimes> parse(List<String> lines) {
    CpuTimes.Ticks total = null;
    TreeMap<Integer, CpuTimes.Ticks> cores = new TreeMap<>();
    OptionalInt running = OptionalInt.empty();
    OptionalInt blocked = OptionalInt.empty();
    for (String line : lines) {
      String[] tokens = line.trim().split("\\s+");
      String key = tokens[0];
      if (key.equals("cpu") && total == null) {
        total = ticks(CpuTimes.Ticks.AGGREGATE, tokens).orElse(null);
      } else if (key.startsWith("cpu")) {
        cpuNumber(key)
            .filter(cpu -> !cores.containsKey(cpu))
            .flatMap(cpu -> ticks(cpu, tokens))
            .ifPresent(ticks -> cores.put(ticks.cpu(), ticks));
      } else if (key.equals("procs_running") && running.isEmpty()) {
        running = intValue(tokens);
      } else if (key.equals("procs_blocked") && blocked.isEmpty()) {
        blocked = intValue(tokens);
      }
    }
    if (total == null) {
      return Optional.empty();
    }
    return Optional.of(new CpuTimes(total, new ArrayList<>(cores.values()), running, blocked));
  }

  /** The boot time from the {@code btime} line (seconds since the epoch, UTC). */
  public static Optional<Instant> parseBootTime(String text) {
    for (String line : SystemInfoText.completeLines(text)) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens[0].equals("btime") && tokens.length > 1) {
        OptionalLong seconds = SystemInfoText.parseCount(tokens[1]);
        if (seconds.isPresent()) {
          return Optional.of(Instant.ofEpochSecond(seconds.getAsLong()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> cpuNumber(String key) {
    OptionalLong number = SystemInfoText.parseCount(key.substring("cpu".length()));
    if (number.isEmpty() || number.getAsLong() > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of((int) number.getAsLong());
  }

  private static Optional<CpuTimes.Ticks> ticks(int cpu, String[] tokens) {
    int available = Math.min(tokens.length - 1, USED_FIELDS);
    if (available < MIN_FIELDS) {
      return Optional.empty();
    }
    long[] fields = new long[USED_FIELDS];
    for (int i = 0; i < available; i++) {
      OptionalLong value = SystemInfoText.parseCount(tokens[i + 1]);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      fields[i] = value.getAsLong();
    }
    return Optional.of(
        new CpuTimes.Ticks(
            cpu, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
            fields[7]));
  }

  private static OptionalInt intValue(String[] tokens) {
    if (tokens.length < 2) {
      return OptionalInt.empty();
    }
    OptionalLong value = SystemInfoText.parseCount(tokens[1]);
    if (value.isEmpty() || value.getAsLong() > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) value.getAsLong());
  }
}
