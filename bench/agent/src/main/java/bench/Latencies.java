package bench;

import java.util.List;

/** Percentiles of a list of latencies in milliseconds, by nearest rank. */
record Latencies(int count, double p50, double p99) {

  static Latencies of(List<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Latencies(0, Double.NaN, Double.NaN);
    }
    return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99));
  }

  /** "p50 / p99" in ms. */
  String text() {
    return Report.ms(p50) + " / " + Report.ms(p99);
  }

  private static double rank(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
