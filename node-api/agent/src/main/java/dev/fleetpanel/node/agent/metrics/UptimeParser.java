package dev.fleetpanel.node.agent.metrics;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Parses {@code /proc/uptime} ({@code 273906.73 1070113.27}: seconds since boot, then idle seconds
 * summed over all CPUs) into {@link Uptime}. Pure. Only the first field is used.
 */
public final class UptimeParser {
  private UptimeParser() {}

  /** The uptime, or empty when the first field is not a plain decimal. */
  public static Optional<Uptime> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String first = text.strip().split("\\s+")[0];
    OptionalDouble seconds = SystemInfoText.parseDecimal(first);
    return seconds.isPresent() ? Optional.of(new Uptime(seconds.getAsDouble())) : Optional.empty();
  }
}
