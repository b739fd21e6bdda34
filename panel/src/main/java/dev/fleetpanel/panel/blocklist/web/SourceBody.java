package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;

/** The body of {@code POST/PUT api/blocklist/sources}; on PUT a missing field keeps its value. */
public record SourceBody(String name, String url, String direction, Boolean enabled) {

  Direction directionOr(Direction fallback) {
    if (direction == null) {
      return fallback;
    }
    try {
      return Direction.parse(direction.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("direction", "blocklist.direction.invalid");
    }
  }
}
