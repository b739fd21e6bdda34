package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import java.time.Duration;
import java.util.List;

/**
 * The body of a rule's {@code POST}: the seed's {@code {ip, direction, permanent, comment}}, or
 * {@code ips} (a list) for {@code bulk}; a temporary rule lasts {@code duration_seconds} (default
 * 600 s, as the nodes' temporary sets).
 */
public record RuleBody(
    String ip,
    List<String> ips,
    String direction,
    Boolean permanent,
    String comment,
    Long durationSeconds) {

  static final long DEFAULT_TEMPORARY_SECONDS = 600;

  String text() {
    return ips != null ? String.join("\n", ips) : ip == null ? "" : ip;
  }

  Direction directionOrIn() {
    return DirectionParam.parse(direction, Direction.IN);
  }

  /**
   * Null for a permanent rule. Without {@code permanent}, a {@code duration_seconds} makes the rule
   * temporary; with {@code permanent: true} it is refused.
   */
  Duration lasting() {
    boolean temporary = permanent == null ? durationSeconds != null : !permanent;
    if (!temporary) {
      if (durationSeconds != null) {
        throw InvalidInputException.of("duration_seconds", "blocklist.duration.permanent");
      }
      return null;
    }
    return Duration.ofSeconds(
        durationSeconds == null ? DEFAULT_TEMPORARY_SECONDS : durationSeconds);
  }
}
