package dev.fleetpanel.node.agent.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-second rates between two samples of cumulative counters. Sample times are {@link
 * System#nanoTime()} values (see {@link NetDevSample}).
 *
 * <p>Counter reset: when the newer value is lower than the older one (unsigned comparison) the
 * counter was reset (interface re-created, statistics cleared, a 32-bit counter wrapped), and the
 * interval's delta and rate are 0, never negative; the next interval measures from the new value.
 * An elapsed time of zero or less gives 0 as well.
 */
public final class NetRates {

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private NetRates() {}

  /** {@code current - previous} as unsigned 64-bit values, or 0 when the counter was reset. */
  public static long delta(long previous, long current) {
    return Long.compareUnsigned(current, previous) < 0 ? 0 : current - previous;
  }

  /** Units of the counter per second; 0 on a reset or when {@code elapsedNanos <= 0}. */
  public static double perSecond(long previous, long current, long elapsedNanos) {
    if (elapsedNanos <= 0) {
      return 0;
    }
    return unsignedToDouble(delta(previous, current)) * NANOS_PER_SECOND / elapsedNanos;
  }

  /**
   * Rates of the interfaces present in both samples, in the newer sample's order; an interface in
   * only one sample has no rate yet (or any more).
   */
  public static Map<String, InterfaceRate> between(NetDevSample previous, NetDevSample current) {
    long elapsed = current.nanoTime() - previous.nanoTime();
    Map<String, InterfaceRate> rates = new LinkedHashMap<>();
    current
        .counters()
        .forEach(
            (name, now) -> {
              NetDevCounters then = previous.counters().get(name);
              if (then != null) {
                rates.put(name, rate(then, now, elapsed));
              }
            });
    return rates;
  }

  static InterfaceRate rate(NetDevCounters then, NetDevCounters now, long elapsedNanos) {
    return new InterfaceRate(
        perSecond(then.rxBytes(), now.rxBytes(), elapsedNanos),
        perSecond(then.txBytes(), now.txBytes(), elapsedNanos),
        perSecond(then.rxPackets(), now.rxPackets(), elapsedNanos),
        perSecond(then.txPackets(), now.txPackets(), elapsedNanos));
  }

  static double unsignedToDouble(long value) {
    return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
  }
}
