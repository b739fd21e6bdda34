package dev.fleetpanel.node.agent.capability;

import java.util.Locale;

/** What the panel may do in one domain: nothing, read, or read and write. Ordered by power. */
public enum Access {
  NO,
  RO,
  RW;

  /** The configuration and wire form: {@code no}, {@code ro} or {@code rw}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean allows(Access needed) {
    return compareTo(needed) >= 0;
  }

  /**
   * @throws IllegalArgumentException if {@code value} is not {@code no}, {@code ro} or {@code rw}
   */
  public static Access parse(String value) {
    for (Access access : values()) {
      if (access.wire().equals(value)) {
        return access;
      }
    }
    throw new IllegalArgumentException("must be no, ro or rw, not '" + value + "'");
  }
}
