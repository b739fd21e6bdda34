package dev.fleetpanel.node.agent.blocklist;

/** What an endpoint's body must hold, and whether its entries are to be blocked (so checked). */
public enum RequestShape {
  /** {@code {ip, permanent, direction, timeout?}}. */
  ADD,
  /** {@code {ip, permanent, direction}}. */
  REMOVE,
  /** {@code {ips[], permanent, direction, timeout?}}. */
  BULK_ADD,
  /** {@code {ips[], permanent, direction}}. */
  BULK_REMOVE,
  /**
   * {@code {ips[], permanent, direction, timeout?}} (full) or {@code {base_version, add[],
   * remove[], permanent, direction, timeout?}} (delta).
   */
  SYNC,
  /** {@code {timeout}}. */
  TIMEOUT
}
