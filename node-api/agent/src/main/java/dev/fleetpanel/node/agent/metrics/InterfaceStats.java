package dev.fleetpanel.node.agent.metrics;

/** One interface: its cumulative counters, its sysfs facts and how it counts in the total. */
public record InterfaceStats(NetDevCounters counters, InterfaceFacts facts, InterfaceKind kind) {

  public String name() {
    return counters.name();
  }
}
