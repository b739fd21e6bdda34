package dev.fleetpanel.node.agent.metrics;

/** How an interface counts in the network {@code total}. */
public enum InterfaceKind {
  /** A hardware NIC or a bonding master: counted in {@code total}, whether up or down. */
  PHYSICAL,
  /** A NIC enslaved to a bond: not counted, its traffic is already in the bond's counters. */
  BOND_SLAVE,
  /** Loopback, bridges, veth, tunnels, VPNs: not counted. */
  VIRTUAL;

  public boolean countsInTotal() {
    return this == PHYSICAL;
  }
}
