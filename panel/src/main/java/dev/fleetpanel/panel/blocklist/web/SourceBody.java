package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;

/** The body of {@code POST/PUT api/blocklist/sources}; on PUT a missing field keeps its value. */
public record SourceBody(String name, String url, String direction, Boolean enabled) {

  Direction directionOr(Direction fallback) {
    return DirectionParam.parse(direction, fallback);
  }
}
