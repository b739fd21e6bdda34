package dev.fleetpanel.node.agent.metrics;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Parses {@code /proc/loadavg} ({@code 0.52 0.58 0.59 2/1234 56789}) into {@link LoadAvg}. Pure.
 * The three averages are required; a missing or malformed {@code running/total} field only leaves
 * the task counts empty, and fields after it are ignored.
 */
public final class LoadAvgParser {
  private LoadAvgParser() {}

  /** Parses the first line; empty when it does not start with three plain decimals. */
  public static Optional<LoadAvg> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String[] tokens = text.strip().lines().findFirst().orElse("").trim().split("\\s+");
    if (tokens.length < 3) {
      return Optional.empty();
    }
    OptionalDouble one = SystemInfoText.parseDecimal(tokens[0]);
    OptionalDouble five = SystemInfoText.parseDecimal(tokens[1]);
    OptionalDouble fifteen = SystemInfoText.parseDecimal(tokens[2]);
    if (one.isEmpty() || five.isEmpty() || fifteen.isEmpty()) {
      return Optional.empty();
    }
    String[] tasks = tokens.length > 3 ? tokens[3].split("/", -1) : new String[0];
    boolean valid = tasks.length == 2 && count(tasks[0]).isPresent() && count(tasks[1]).isPresent();
    return Optional.of(
        new LoadAvg(
            one.getAsDouble(),
            five.getAsDouble(),
            fifteen.getAsDouble(),
            valid ? count(tasks[0]) : OptionalInt.empty(),
            valid ? count(tasks[1]) : OptionalInt.empty()));
  }

  private static OptionalInt count(String token) {
    OptionalLong value = SystemInfoText.parseCount(token);
    return value.isPresent() && value.getAsLong() <= Integer.MAX_VALUE
        ? OptionalInt.of((int) value.getAsLong())
        : OptionalInt.empty();
  }
}
