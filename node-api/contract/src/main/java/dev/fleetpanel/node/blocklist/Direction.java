package dev.fleetpanel.node.blocklist;

import java.util.Locale;

/**
 * Which traffic a list blocks: {@code in} matches the source of packets, {@code out} the
 * destination.
 */
public enum Direction {
  IN,
  OUT;

  /** The wire form: {@code in} or {@code out}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException unless {@code value} is {@code in} or {@code out}
   */
  public static Direction parse(String value) {
    for (Direction direction : values()) {
      if (direction.wire().equals(value)) {
        return direction;
      }
    }
    throw new IllegalArgumentException("direction must be in or out, not '" + value + "'");
  }
}
