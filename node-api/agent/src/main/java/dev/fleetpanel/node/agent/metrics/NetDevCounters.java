package dev.fleetpanel.node.agent.metrics;

import java.util.Objects;

/**
 * Cumulative counters of one interface from {@code /proc/net/dev}, counted by the kernel since the
 * interface was created (usually boot). Bytes are bytes, not bits.
 *
 * <p>Every value is an unsigned 64-bit integer held in a {@code long}: compare with {@link
 * Long#compareUnsigned} and print with {@link Long#toUnsignedString}. A value that is lower than in
 * an earlier sample means the counter was reset (interface re-created, driver statistics cleared,
 * or a 32-bit counter wrapped on an old driver); {@link NetRates} reports 0 for such an interval.
 */
public record NetDevCounters(
    String name,
    long rxBytes,
    long rxPackets,
    long rxErrors,
    long rxDrops,
    long txBytes,
    long txPackets,
    long txErrors,
    long txDrops) {

  public NetDevCounters {
    Objects.requireNonNull(name, "name");
  }
}
