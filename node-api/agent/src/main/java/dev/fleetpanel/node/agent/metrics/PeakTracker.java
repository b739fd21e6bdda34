package dev.fleetpanel.node.agent.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peak and average rates per interface between two polls. A sampler thread calls {@link
 * #record(NetDevSample)} about every second; a request thread calls {@link #poll()}, which returns
 * the window since the previous poll and starts a new one. The last sample stays as the baseline,
 * so no interval falls between two windows. Thread-safe: both methods lock this object (one write a
 * second, so contention does not matter).
 *
 * <p>A counter reset follows {@link NetRates}: the interval counts 0 bytes, in the peak and in the
 * average. A sample whose time is not after the baseline's is ignored.
 */
public final class PeakTracker {

  private final Map<String, Window> windows = new LinkedHashMap<>();
  private NetDevSample baseline;

  public synchronized void record(NetDevSample sample) {
    if (baseline != null) {
      long elapsed = sample.nanoTime() - baseline.nanoTime();
      if (elapsed <= 0) {
        return;
      }
      sample
          .counters()
          .forEach(
              (name, now) -> {
                NetDevCounters then = baseline.counters().get(name);
                if (then != null) {
                  windows.computeIfAbsent(name, n -> new Window()).add(then, now, elapsed);
                }
              });
    }
    baseline = sample;
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
