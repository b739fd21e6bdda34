package dev.fleetpanel.node.agent.metrics;

import java.util.List;

/**
 * The network {@code total}: cumulative bytes and packets summed over the interfaces whose {@link
 * InterfaceKind#countsInTotal()} is true (physical ones, down ones included), as unsigned 64-bit
 * values.
 */
public record NetDevTotals(long rxBytes, long txBytes, long rxPackets, long txPackets) {

  public static NetDevTotals of(List<InterfaceStats> interfaces) {
    long rxBytes = 0;
    long txBytes = 0;
    long rxPackets = 0;
    long txPackets = 0;
    for (InterfaceStats i : interfaces) {
      if (i.kind().countsInTotal()) {
        rxBytes += i.counters().rxBytes();
        txBytes += i.counters().txBytes();
        rxPackets += i.counters().rxPackets();
        txPackets += i.counters().txPackets();
      }
    }
    return new NetDevTotals(rxBytes, txBytes, rxPackets, txPackets);
  }
}
