package dev.fleetpanel.node.blocklist;

import java.util.Locale;

/**
 * The two lists of a direction: {@code permanent} (kept on disk, replaced through a staging set)
 * and {@code temp} (entries expire with a kernel timeout, always changed in place).
 */
public enum ListKind {
  PERMANENT,
  TEMP;

  /** The wire form: {@code permanent} or {@code temp}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ListKind of(boolean permanent) {
    return permanent ? PERMANENT : TEMP;
  }

  /**
   * @throws IllegalArgumentException unless {@code value} is {@code permanent} or {@code temp}
   */
  public static ListKind parse(String value) {
    for (ListKind kind : values()) {
      if (kind.wire().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("list must be permanent or temp, not '" + value + "'");
  }
}
