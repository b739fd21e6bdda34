package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.NodeStatus;
import java.util.Locale;

/**
 * A server's collection status as the pages show it: state (online, offline, unknown), since when
 * (ISO-8601, UTC), the latest error.
 */
public record StatusRow(long serverId, String state, String since, String lastError, String css) {

  static StatusRow of(NodeStatus status) {
    String state = status.state().name().toLowerCase(Locale.ROOT);
    String css =
        switch (status.state()) {
          case ONLINE -> "ok";
          case OFFLINE -> "err";
          case UNKNOWN -> "off";
        };
    return new StatusRow(
        status.serverId(), state, status.since().toString(), status.lastError(), css);
  }
}
