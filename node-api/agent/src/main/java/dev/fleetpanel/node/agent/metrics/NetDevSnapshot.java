package dev.fleetpanel.node.agent.metrics;

import java.util.List;

/** Every interface of {@code /proc/net/dev}, in file order, and their physical {@code total}. */
public record NetDevSnapshot(List<InterfaceStats> interfaces, NetDevTotals total) {

  public NetDevSnapshot {
    interfaces = List.copyOf(interfaces);
  }
}
