package dev.fleetpanel.node.agent.metrics;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the one-value files under {@code /proc/sys/kernel}. Pure: text in, value out. */
public final class SystemInfoParser {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private SystemInfoParser() {}

  /** The first non-blank line, trimmed, as in {@code hostname} and {@code osrelease}. */
  public static Optional<String> firstLine(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
  }

  /** The boot id in lower case, or empty when the first line is not a UUID. */
  public static Optional<String> bootId(String text) {
    return firstLine(text)
        .filter(line -> UUID.matcher(line).matches())
        .map(line -> line.toLowerCase(Locale.ROOT));
  }
}
