package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetRatesTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void dividesTheDeltaByTheElapsedSeconds() {
    assertThat(NetRates.perSecond(1_000, 31_000, 2 * SECOND)).isEqualTo(15_000.0);
    assertThat(NetRates.perSecond(0, 1, SECOND / 4)).isEqualTo(4.0);
  }

  @Test
  void aCounterThatGoesBackwardsIsAResetAndGivesZero() {
    assertThat(NetRates.delta(5_000_000, 1_200)).isZero();
    assertThat(NetRates.perSecond(5_000_000, 1_200, SECOND)).isZero();
  }

  @Test
  void zeroOrNegativeElapsedTimeGivesZero() {
    assertThat(NetRates.perSecond(0, 1_000, 0)).isZero();
    assertThat(NetRates.perSecond(0, 1_000, -SECOND)).isZero();
  }

  @Test
  void comparesCountersAsUnsigned() {
    long nearMax = -1_000L; // 2^64 - 1000
    assertThat(NetRates.delta(nearMax, nearMax + 600)).isEqualTo(600);
    assertThat(NetRates.delta(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(1);
    assertThat(NetRates.perSecond(0, -1L, SECOND)).isEqualTo(18446744073709551615.0);
  }

  @Test
  void ratesBetweenSamplesCoverInterfacesPresentInBoth() {
    NetDevSample before =
        NetDevSample.of(
            10 * SECOND,
            List.of(counters("eth0", 1_000, 10, 500, 5), counters("wg0", 9_000, 90, 9_000, 90)));
    NetDevSample after =
        NetDevSample.of(
            12 * SECOND,
            List.of(
                counters("eth0", 5_000, 30, 1_500, 9),
                counters("wg0", 100, 1, 200, 2),
                counters("veth9", 1, 1, 1, 1)));

    Map<String, InterfaceRate> rates = NetRates.between(before, after);

    assertThat(rates).containsOnlyKeys("eth0", "wg0");
    assertThat(rates.get("eth0")).isEqualTo(new InterfaceRate(2_000, 500, 10, 2));
    assertThat(rates.get("wg0")).isEqualTo(new InterfaceRate(0, 0, 0, 0));
  }

  static NetDevCounters counters(String name, long rxB, long rxP, long txB, long txP) {
    return new NetDevCounters(name, rxB, rxP, 0, 0, txB, txP, 0, 0);
  }
}
