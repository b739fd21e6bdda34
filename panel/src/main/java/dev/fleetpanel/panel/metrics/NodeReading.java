package dev.fleetpanel.panel.metrics;

import java.time.Instant;

/**
 * What one {@code /api/metrics} document says, before rates: the node's own clock and boot, the
 * gauges by {@link MetricColumn} ordinal (rates left {@code NaN}), the cumulative counters rates
 * are computed from, and the node's own per-second figures.
 *
 * @param counters net rx, net tx, disk read, disk write: cumulative bytes ({@code NaN} if absent)
 * @param nodeRates the same four as the node's per-second averages over its last window
 * @param nodePeaks net rx and tx: the highest 1-second rates the node saw in its last window
 * @param facts uptime, cores and certificate expiry, for the dashboard
 */
public record NodeReading(
    Instant nodeTime,
    String bootId,
    double[] gauges,
    String perCpu,
    double[] counters,
    double[] nodeRates,
    double[] nodePeaks,
    NodeFacts facts) {

  public static final int NET_RX = 0;
  public static final int NET_TX = 1;
  public static final int DISK_READ = 2;
  public static final int DISK_WRITE = 3;
}
