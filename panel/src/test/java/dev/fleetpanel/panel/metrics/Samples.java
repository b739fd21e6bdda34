package dev.fleetpanel.panel.metrics;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** Puts a server's latest sample into a {@link FleetState}, as a successful poll does. */
public final class Samples {
  private Samples() {}

  public static void record(
      FleetState state,
      long serverId,
      Instant at,
      Map<MetricColumn, Double> figures,
      NodeFacts facts) {
    double[] values = new double[MetricColumn.ALL.size()];
    Arrays.fill(values, Double.NaN);
    figures.forEach((column, value) -> values[column.ordinal()] = value);
    NodeReading reading =
        new NodeReading(
            at, "boot", values.clone(), null, new double[4], new double[4], new double[2], facts);
    state.succeeded(serverId, reading, new Sample(serverId, at, values, null), "{}");
  }

  public static void fail(FleetState state, long serverId, String reason, String detail) {
    state.failed(serverId, reason, detail);
  }
}
