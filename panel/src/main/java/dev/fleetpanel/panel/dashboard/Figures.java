package dev.fleetpanel.panel.dashboard;

import dev.fleetpanel.panel.metrics.MetricColumn;
import dev.fleetpanel.panel.metrics.NodeStatus;
import dev.fleetpanel.panel.metrics.Sample;
import java.time.Duration;
import java.time.Instant;

/**
 * A server's figures from its latest sample: bytes, bytes per second and percentages, {@code NaN}
 * where the node did not report one (or there is no sample yet). Uptime is the node's uptime at the
 * sample plus the time since, -1 when unknown.
 */
public record Figures(
    double cpu,
    double ramUsed,
    double ramTotal,
    double diskUsed,
    double diskTotal,
    double down,
    double up,
    double load1,
    double load5,
    double load15,
    double tcpEstablished,
    long uptimeSeconds) {

  static final Figures NONE =
      new Figures(
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          -1);

  static Figures of(NodeStatus status, Instant now) {
    Sample s = status.latest();
    if (s == null) {
      return NONE;
    }
    long uptime = status.facts().uptimeSeconds();
    if (uptime >= 0) {
      uptime += Math.max(0, Duration.between(s.at(), now).toSeconds());
    }
    return new Figures(
        s.value(MetricColumn.CPU),
        s.value(MetricColumn.MEM_USED),
        s.value(MetricColumn.MEM_TOTAL),
        s.value(MetricColumn.DISK_USED),
        s.value(MetricColumn.DISK_TOTAL),
        s.value(MetricColumn.NET_RX),
        s.value(MetricColumn.NET_TX),
        s.value(MetricColumn.LOAD1),
        s.value(MetricColumn.LOAD5),
        s.value(MetricColumn.LOAD15),
        s.value(MetricColumn.TCP_ESTABLISHED),
        uptime);
  }

  public double ramPercent() {
    return ramTotal > 0 ? ramUsed / ramTotal * 100 : Double.NaN;
  }

  public double diskPercent() {
    return diskTotal > 0 ? diskUsed / diskTotal * 100 : Double.NaN;
  }

  /** Down plus up, for sorting by traffic ({@code NaN} when neither is known). */
  public double traffic() {
    if (Double.isNaN(down) && Double.isNaN(up)) {
      return Double.NaN;
    }
    return (Double.isNaN(down) ? 0 : down) + (Double.isNaN(up) ? 0 : up);
  }
}
