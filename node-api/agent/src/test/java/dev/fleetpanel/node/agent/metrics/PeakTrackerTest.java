package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.NetRatesTest.counters;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PeakTrackerTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void keepsTheHighestOneSecondRateAndTheAverageSinceThePreviousPoll() {
    PeakTracker tracker = new PeakTracker();
    tracker.record(sample(0, 0, 0));
    tracker.record(sample(1, 1_000, 100));
    tracker.record(sample(2, 9_000, 200));
    tracker.record(sample(3, 10_000, 4_200));
    tracker.record(sample(4, 12_000, 4_400));

    Map<String, InterfacePeak> window = tracker.poll();

    assertThat(window).containsOnlyKeys("eth0");
    assertThat(window.get("eth0")).isEqualTo(new InterfacePeak(8_000, 4_000, 3_000, 1_100));
  }

  @Test
  void aRecentWindowCoversExactlyItsLastSecondsAndLeavesThePollWindowAlone() {
    PeakTracker tracker = new PeakTracker();
    tracker.record(sample(0, 0, 0));
    tracker.record(sample(1, 50_000, 0)); // 50 kB/s: outside a 3-second window at t=4
    tracker.record(sample(2, 51_000, 0));
    tracker.record(sample(3, 53_000, 0));
    tracker.record(sample(4, 56_000, 0));

    Map<String, InterfacePeak> last3 = tracker.recent(4 * SECOND, 3 * SECOND);
    Map<String, InterfacePeak> last4 = tracker.recent(4 * SECOND, 4 * SECOND);

    assertThat(last3.get("eth0").rxPeakPerSec()).isEqualTo(3_000);
    assertThat(last3.get("eth0").rxAvgPerSec()).isEqualTo(2_000);
    assertThat(last4.get("eth0").rxPeakPerSec()).isEqualTo(50_000);
    assertThat(tracker.poll().get("eth0").rxPeakPerSec()).isEqualTo(50_000);
  }

  @Test
  void theRecentHistoryIsBounded() {
    PeakTracker tracker = new PeakTracker();
    for (int i = 0; i <= PeakTracker.HISTORY + 50; i++) {
      tracker.record(sample(i, i == 0 ? 0 : 5_000_000 + i, 0)); // 5 MB in the first second
    }

    Map<String, InterfacePeak> all =
        tracker.recent((PeakTracker.HISTORY + 50) * SECOND, 10_000 * SECOND);

    assertThat(all.get("eth0").rxPeakPerSec())
        .as("the early 5 MB/s second is forgotten")
        .isEqualTo(1);
  }

  @Test
  void pollResetsTheWindowButKeepsTheLastSampleAsBaseline() {
    PeakTracker tracker = new PeakTracker();
    tracker.record(sample(0, 0, 0));
    tracker.record(sample(1, 50_000, 50_000));
    tracker.poll();

    assertThat(tracker.poll()).isEmpty();

    tracker.record(sample(3, 51_000, 52_000));
    assertThat(tracker.poll().get("eth0")).isEqualTo(new InterfacePeak(500, 1_000, 500, 1_000));
  }

  @Test
  void aCounterResetCountsZeroBytesForItsInterval() {
    PeakTracker tracker = new PeakTracker();
    tracker.record(sample(0, 1_000_000, 1_000_000));
    tracker.record(sample(1, 200, 100));
    tracker.record(sample(2, 1_200, 600));

    assertThat(tracker.poll().get("eth0")).isEqualTo(new InterfacePeak(1_000, 500, 500, 250));
  }

  @Test
  void aSampleNotLaterThanTheBaselineIsIgnored() {
    PeakTracker tracker = new PeakTracker();
    tracker.record(sample(5, 0, 0));
    tracker.record(sample(5, 1_000, 1_000));
    tracker.record(sample(7, 4_000, 2_000));

    assertThat(tracker.poll().get("eth0")).isEqualTo(new InterfacePeak(2_000, 1_000, 2_000, 1_000));
  }

  @Test
  void aSamplerThreadAndPollingThreadsDoNotLoseOrCorruptIntervals() throws Exception {
    PeakTracker tracker = new PeakTracker();
    int samples = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int s = 0; s <= samples; s++) {
                  tracker.record(sample(s, 1_000L * s, 3_000L * s));
                }
              });
      List<Future<List<InterfacePeak>>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> pollUntilDone(tracker, writer)));
      }
      writer.get(30, TimeUnit.SECONDS);
      List<InterfacePeak> seen = new ArrayList<>(tracker.poll().values());
      for (Future<List<InterfacePeak>> reader : readers) {
        seen.addAll(reader.get(30, TimeUnit.SECONDS));
      }

      assertThat(seen)
          .isNotEmpty()
          .allMatch(p -> p.equals(new InterfacePeak(1_000, 3_000, 1_000, 3_000)));
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<InterfacePeak> pollUntilDone(PeakTracker tracker, Future<?> writer) {
    List<InterfacePeak> seen = new ArrayList<>();
    while (!writer.isDone()) {
      seen.addAll(tracker.poll().values());
    }
    return seen;
  }

  private static NetDevSample sample(long seconds, long rxBytes, long txBytes) {
    return NetDevSample.of(seconds * SECOND, List.of(counters("eth0", rxBytes, 0, txBytes, 0)));
  }
}
