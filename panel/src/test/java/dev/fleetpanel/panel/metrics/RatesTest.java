package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RatesTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  /** A reading at node time {@code at} with net/disk counters and the node's own rates. */
  static NodeReading reading(Instant at, String boot, double rx, double ownRx, double peakRx) {
    double[] gauges = new double[MetricColumn.ALL.size()];
    Arrays.fill(gauges, Double.NaN);
    gauges[MetricColumn.CPU.ordinal()] = 12.5;
    return new NodeReading(
        at,
        boot,
        gauges,
        "1.0,2.0",
        new double[] {rx, 2 * rx, Double.NaN, 100},
        new double[] {ownRx, 2 * ownRx, 7, 8},
        new double[] {peakRx, Double.NaN},
        NodeFacts.NONE);
  }

  @Test
  void ratesAreCounterDeltasOverTheNodesOwnClock() {
    NodeReading before = reading(T0, "b", 1_000, 0, 0);
    // The node's clock says 10 s passed; the panel collected 13 s later (its clock is not used).
    NodeReading now = reading(T0.plusSeconds(10), "b", 11_000, 50, 4_000);

    Sample s = Rates.sample(1, T0.plusSeconds(13), now, before);

    assertThat(s.value(MetricColumn.NET_RX)).isEqualTo(1_000);
    assertThat(s.value(MetricColumn.NET_TX)).isEqualTo(2_000);
    assertThat(s.value(MetricColumn.NET_RX_PEAK)).isEqualTo(4_000);
    assertThat(s.value(MetricColumn.DISK_READ)).as("no counter: the node's own rate").isEqualTo(7);
    assertThat(s.value(MetricColumn.DISK_WRITE)).isZero();
    assertThat(s.value(MetricColumn.CPU)).isEqualTo(12.5);
    assertThat(s.at()).isEqualTo(T0.plusSeconds(13));
    assertThat(s.perCpu()).isEqualTo("1.0,2.0");
  }

  @Test
  void aPeakIsNeverBelowTheAverageAndMissingStaysMissing() {
    Sample s =
        Rates.sample(
            1, T0, reading(T0.plusSeconds(10), "b", 101_000, 0, 10), reading(T0, "b", 1_000, 0, 0));

    assertThat(s.value(MetricColumn.NET_RX_PEAK)).isEqualTo(10_000);
    assertThat(s.value(MetricColumn.NET_TX_PEAK)).isNaN();
  }

  @Test
  void aNewBootOrACounterGoingBackIsAResetNotANegativeRate() {
    NodeReading before = reading(T0, "b", 1_000_000, 0, 0);

    Sample rebooted = Rates.sample(1, T0, reading(T0.plusSeconds(10), "c", 500, 42, 0), before);
    Sample wrapped = Rates.sample(1, T0, reading(T0.plusSeconds(10), "b", 500, 43, 0), before);

    assertThat(rebooted.value(MetricColumn.NET_RX)).isEqualTo(42);
    assertThat(wrapped.value(MetricColumn.NET_RX)).isEqualTo(43);
    assertThat(wrapped.value(MetricColumn.DISK_WRITE)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void theFirstReadingAndReadingsTooCloseUseTheNodesOwnRates() {
    Sample first = Rates.sample(1, T0, reading(T0, "b", 1_000, 55, 0), null);
    Sample tooClose =
        Rates.sample(
            1, T0, reading(T0.plusMillis(200), "b", 9_000, 56, 0), reading(T0, "b", 1_000, 0, 0));

    assertThat(first.value(MetricColumn.NET_RX)).isEqualTo(55);
    assertThat(tooClose.value(MetricColumn.NET_RX)).isEqualTo(56);
  }
}
