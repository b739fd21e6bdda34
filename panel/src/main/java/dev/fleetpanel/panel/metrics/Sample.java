package dev.fleetpanel.panel.metrics;

import java.time.Instant;
import java.util.Arrays;

/**
 * One server's figures from one poll, as stored: {@code at} is the panel's time of collection (the
 * row's bucket), {@code values} holds one figure per {@link MetricColumn} by ordinal ({@code NaN}
 * where the node did not report it), {@code perCpu} the per-core CPU percentages as text
 * ("12.5,3"), or null.
 */
public record Sample(long serverId, Instant at, double[] values, String perCpu) {

  public Sample {
    if (values.length != MetricColumn.ALL.size()) {
      throw new IllegalArgumentException("one value per metric column");
    }
    values = values.clone();
  }

  public double value(MetricColumn column) {
    return values[column.ordinal()];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s
        && s.serverId == serverId
        && s.at.equals(at)
        && Arrays.equals(s.values, values)
        && java.util.Objects.equals(s.perCpu, perCpu);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(serverId) + at.hashCode();
  }
}
