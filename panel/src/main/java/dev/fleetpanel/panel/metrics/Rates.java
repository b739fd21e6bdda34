package dev.fleetpanel.panel.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a reading into a stored {@link Sample}: network and disk rates are the counter deltas since
 * the previous reading divided by the time between the node's own timestamps (never the panel's
 * clock, which includes network delay). Where that cannot be done — the first reading, a counter
 * that went backwards or a new boot id (a reset, never a negative rate), node timestamps less than
 * half a second apart — the node's own per-second average is used. Peaks are the node's 1-second
 * peaks, never below the average.
 */
public final class Rates {

  static final Duration MIN_INTERVAL = Duration.ofMillis(500);

  private Rates() {}

  public static Sample sample(
      long serverId, Instant collectedAt, NodeReading current, NodeReading previous) {
    double[] values = current.gauges().clone();
    double seconds = comparableSeconds(current, previous);
    double[] rates = new double[4];
    for (int k = 0; k < rates.length; k++) {
      rates[k] = rate(k, current, previous, seconds);
    }
    values[MetricColumn.NET_RX.ordinal()] = rates[NodeReading.NET_RX];
    values[MetricColumn.NET_TX.ordinal()] = rates[NodeReading.NET_TX];
    values[MetricColumn.DISK_READ.ordinal()] = rates[NodeReading.DISK_READ];
    values[MetricColumn.DISK_WRITE.ordinal()] = rates[NodeReading.DISK_WRITE];
    values[MetricColumn.NET_RX_PEAK.ordinal()] = peak(current.nodePeaks()[0], rates[0]);
    values[MetricColumn.NET_TX_PEAK.ordinal()] = peak(current.nodePeaks()[1], rates[1]);
    return new Sample(serverId, collectedAt, values, current.perCpu());
  }

  /**
   * Seconds between the two readings by the node's clock, or NaN when deltas must not be used (no
   * previous reading, another boot, too close together or out of order).
   */
  static double comparableSeconds(NodeReading current, NodeReading previous) {
    if (previous == null
        || current.bootId() == null
        || !current.bootId().equals(previous.bootId())) {
      return Double.NaN;
    }
    Duration elapsed = Duration.between(previous.nodeTime(), current.nodeTime());
    if (elapsed.compareTo(MIN_INTERVAL) < 0) {
      return Double.NaN;
    }
    return elapsed.toNanos() / 1e9;
  }

  private static double rate(int k, NodeReading current, NodeReading previous, double seconds) {
    double own = current.nodeRates()[k];
    if (Double.isNaN(seconds)) {
      return own;
    }
    double now = current.counters()[k];
    double before = previous.counters()[k];
    if (Double.isNaN(now) || Double.isNaN(before) || now < before) {
      return own;
    }
    return (now - before) / seconds;
  }

  private static double peak(double nodePeak, double average) {
    if (Double.isNaN(nodePeak)) {
      return Double.NaN;
    }
    return Double.isNaN(average) ? nodePeak : Math.max(nodePeak, average);
  }
}
