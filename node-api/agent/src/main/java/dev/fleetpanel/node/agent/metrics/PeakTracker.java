package dev.fleetpanel.node.agent.metrics;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peak and average rates per interface between two polls. A sampler thread calls {@link
 * #record(NetDevSample)} about every second; {@link #poll()} returns the window since the previous
 * poll and starts a new one (the sampler's own window); {@link #recent(long, long)} answers any
 * window of the last {@link #HISTORY} intervals without disturbing it, so that a client polling
 * every N seconds asks for the peak of exactly its own N seconds. The last sample stays as the
 * baseline, so no interval falls between two windows. Thread-safe: every method locks this object
 * (one write a second, so contention does not matter).
 *
 * <p>A counter reset follows {@link NetRates}: the interval counts 0 bytes, in the peak and in the
 * average. A sample whose time is not after the baseline's is ignored.
 */
public final class PeakTracker {

  /** How many 1-second intervals {@link #recent} can look back over (five minutes). */
  public static final int HISTORY = 300;

  private final Map<String, Window> windows = new LinkedHashMap<>();
  private final ArrayDeque<Interval> history = new ArrayDeque<>();
  private NetDevSample baseline;

  /** One sampling interval: when it ended and each interface's counters at both ends. */
  private record Interval(long endNanos, long elapsed, Map<String, NetDevCounters[]> pairs) {}

  public synchronized void record(NetDevSample sample) {
    if (baseline != null) {
      long elapsed = sample.nanoTime() - baseline.nanoTime();
      if (elapsed <= 0) {
        return;
      }
      Map<String, NetDevCounters[]> pairs = new LinkedHashMap<>();
      sample
          .counters()
          .forEach(
              (name, now) -> {
                NetDevCounters then = baseline.counters().get(name);
                if (then != null) {
                  windows.computeIfAbsent(name, n -> new Window()).add(then, now, elapsed);
                  pairs.put(name, new NetDevCounters[] {then, now});
                }
              });
      history.addLast(new Interval(sample.nanoTime(), elapsed, pairs));
      while (history.size() > HISTORY) {
        history.removeFirst();
      }
    }
    baseline = sample;
  }

  /**
   * Peaks and averages over the intervals that ended within {@code windowNanos} before {@code
   * nowNanos} (at most {@link #HISTORY} of them), for each interface with one; the sampler's own
   * window is left as it is.
   */
  public synchronized Map<String, InterfacePeak> recent(long nowNanos, long windowNanos) {
    Map<String, Window> result = new LinkedHashMap<>();
    for (Interval interval : history) {
      if (nowNanos - interval.endNanos() < windowNanos) {
        interval
            .pairs()
            .forEach(
                (name, pair) ->
                    result
                        .computeIfAbsent(name, n -> new Window())
                        .add(pair[0], pair[1], interval.elapsed()));
      }
    }
    Map<String, InterfacePeak> peaks = new LinkedHashMap<>();
    result.forEach((name, window) -> peaks.put(name, window.toPeak()));
    return peaks;
  }

  /**
   * Peaks and averages since the previous poll, for each interface with at least one interval in
   * that window, then resets them.
   */
  public synchronized Map<String, InterfacePeak> poll() {
    Map<String, InterfacePeak> result = new LinkedHashMap<>();
    windows.forEach((name, window) -> result.put(name, window.toPeak()));
    windows.clear();
    return result;
  }

  private static final class Window {
    private long rxBytes;
    private long txBytes;
    private long elapsedNanos;
    private double rxPeak;
    private double txPeak;

    void add(NetDevCounters then, NetDevCounters now, long elapsed) {
      rxBytes += NetRates.delta(then.rxBytes(), now.rxBytes());
      txBytes += NetRates.delta(then.txBytes(), now.txBytes());
      elapsedNanos += elapsed;
      rxPeak = Math.max(rxPeak, NetRates.perSecond(then.rxBytes(), now.rxBytes(), elapsed));
      txPeak = Math.max(txPeak, NetRates.perSecond(then.txBytes(), now.txBytes(), elapsed));
    }

    InterfacePeak toPeak() {
      return new InterfacePeak(
          rxPeak,
          txPeak,
          NetRates.perSecond(0, rxBytes, elapsedNanos),
          NetRates.perSecond(0, txBytes, elapsedNanos));
    }
  }
}
