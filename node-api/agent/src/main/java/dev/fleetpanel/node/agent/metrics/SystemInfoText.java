package dev.fleetpanel.node.agent.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Strict number and line helpers shared by the CPU, memory and system parsers. */
final class SystemInfoText {
  private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,9})?");

  private SystemInfoText() {}

  /**
   * Splits kernel text into lines. The kernel ends every line with a newline, so text that stops
   * mid-line (a short read) has its unterminated last line dropped rather than parsed as a cut-off
   * number.
   */
  static List<String> completeLines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> lines = Arrays.asList(text.split("\n", -1));
    return lines.subList(0, lines.size() - 1);
  }

  /** A non-negative decimal integer without sign, exponent or radix prefix. */
  static OptionalLong parseCount(String token) {
    if (token == null || !COUNT.matcher(token).matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(token));
  }

  /** A non-negative plain decimal such as {@code 0.52} or {@code 2794.748}; no NaN or hex. */
  static OptionalDouble parseDecimal(String token) {
    if (token == null || !DECIMAL.matcher(token).matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(token));
  }

  /** Rounds half up to one decimal, as the metrics contract reports percentages. */
  static double roundOneDecimal(double value) {
    return Math.round(value * 10.0) / 10.0;
  }
}
