package dev.fleetpanel.panel.metrics;

import java.time.Instant;
import java.util.List;

/**
 * A server's history over a range, as the history API answers it.
 *
 * @param source raw, hourly or daily
 * @param stepSeconds the width each point stands for (samples averaged within it)
 * @param points oldest first
 * @param gaps stretches without data: {@code node} (the panel ran but had no sample from the node)
 *     or {@code panel} (the panel itself was not running)
 */
public record History(
    String period,
    String source,
    Instant from,
    Instant to,
    long stepSeconds,
    List<Point> points,
    List<Gap> gaps) {

  /**
   * One point: the start of its step, the samples in it, each metric's average and maximum by
   * {@link MetricColumn} ordinal ({@code NaN} where there is none: no data, or a maximum the
   * history does not give), and the per-core CPU percentages (raw tier only, else null).
   */
  public record Point(Instant at, long samples, double[] averages, double[] maxima, String perCpu) {

    public double average(MetricColumn column) {
      return averages[column.ordinal()];
    }

    public double maximum(MetricColumn column) {
      return maxima[column.ordinal()];
    }
  }

  public record Gap(Instant from, Instant to, String kind) {}
}
