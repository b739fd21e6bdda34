package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FleetStateTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final FleetState state =
      new FleetState(clock, () -> CollectorSettings.offlineAfter(Duration.ofSeconds(10), 3));

  private void sample(long id) {
    NodeReading r = RatesTest.reading(clock.instant(), "b", 0, 0, 0);
    state.succeeded(id, r, Rates.sample(id, clock.instant(), r, null), "{}");
  }

  @Test
  void aServerIsOnlineUntilThreeIntervalsAndThirtySecondsPassWithoutASample() {
    assertThat(state.status(1).state()).isEqualTo(NodeStatus.State.UNKNOWN);
    sample(1);
    Instant seen = clock.instant();

    clock.advance(Duration.ofSeconds(59));
    state.failed(1, "timeout", "no answer");
    NodeStatus stillOnline = state.status(1);
    clock.advance(Duration.ofSeconds(1));
    NodeStatus offline = state.status(1);

    assertThat(stillOnline.state()).isEqualTo(NodeStatus.State.ONLINE);
    assertThat(stillOnline.lastError()).isEqualTo("no answer");
    assertThat(offline.state()).isEqualTo(NodeStatus.State.OFFLINE);
    assertThat(offline.since()).isEqualTo(seen);
    assertThat(offline.lastReason()).isEqualTo("timeout");

    clock.advance(Duration.ofSeconds(100));
    sample(1);
    assertThat(state.status(1).state()).isEqualTo(NodeStatus.State.ONLINE);
    assertThat(state.status(1).since()).isEqualTo(clock.instant());
    assertThat(state.status(1).lastError()).isNull();
  }

  @Test
  void aServerNeverAnsweringCountsFromItsFirstPollNotFromThePanelsStart() {
    clock.advance(Duration.ofHours(1));
    state.failed(3, "refused", "refused");
    Instant first = clock.instant();

    assertThat(state.status(3).state()).isEqualTo(NodeStatus.State.UNKNOWN);
    clock.advance(Duration.ofSeconds(60));
    assertThat(state.status(3).state()).isEqualTo(NodeStatus.State.OFFLINE);
    assertThat(state.status(3).since()).isEqualTo(first);
  }

  @Test
  void afterThreeFailuresTheBreakerSkipsThreeCyclesThenProbesAndBacksOff() {
    IntStream.range(0, 3).forEach(i -> state.failed(2, "refused", "refused"));

    assertThat(skips(2, 10)).isEqualTo(3);
    state.failed(2, "refused", "the probe failed");
    assertThat(skips(2, 10)).isEqualTo(6);
    sample(2);
    assertThat(skips(2, 10)).isZero();
  }

  /** How many of the next {@code cycles} cycles skip the server before the first poll. */
  private int skips(long id, int cycles) {
    int skipped = 0;
    while (skipped < cycles && state.skip(id)) {
      skipped++;
    }
    return skipped;
  }
}
