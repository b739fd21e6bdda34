package dev.fleetpanel.node.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The period a certificate is valid in, inclusive at both ends as X.509 defines it. Certificates
 * carry whole seconds (UTCTime), so both instants are truncated to seconds.
 */
public record Validity(Instant notBefore, Instant notAfter) {

  public Validity {
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter must be after notBefore");
    }
  }

  /** Valid from {@code start} for {@code length}. */
  public static Validity starting(Instant start, Duration length) {
    return new Validity(start, start.plus(length));
  }
}
