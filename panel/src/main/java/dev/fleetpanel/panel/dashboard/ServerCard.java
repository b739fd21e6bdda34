package dev.fleetpanel.panel.dashboard;

import dev.fleetpanel.panel.metrics.NodeStatus;
import dev.fleetpanel.panel.server.Server;
import java.time.Instant;
import java.util.List;

/**
 * One server on the dashboard: the server, its collection status, its latest figures (only for a
 * server online now: an offline server's last figures are history, not its state) and why it needs
 * attention, if it does.
 *
 * @param sslExpiry the nearest certificate expiry the node reports, or null
 */
public record ServerCard(
    Server server,
    State state,
    NodeStatus status,
    Figures figures,
    String sslDomain,
    Instant sslExpiry,
    List<Attention> attention) {

  /** What the card's status shows. */
  public enum State {
    ONLINE,
    OFFLINE,
    /** Not polled yet since the panel started. */
    UNKNOWN,
    /** Monitoring is off for this server. */
    DISABLED
  }

  /** Why a server needs attention. */
  public enum Attention {
    OFFLINE,
    CPU,
    RAM,
    DISK,
    SSL_EXPIRED,
    SSL_EXPIRING
  }

  public boolean needsAttention() {
    return !attention.isEmpty();
  }
}
