package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;

/** A direction as a page or the API sends it: {@code in} or {@code out}, anything else refused. */
final class DirectionParam {
  private DirectionParam() {}

  /**
   * @return {@code fallback} when {@code text} is null or blank
   * @throws InvalidInputException (field {@code direction}) when it is neither in nor out
   */
  static Direction parse(String text, Direction fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Direction.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("direction", "blocklist.direction.invalid");
    }
  }
}
