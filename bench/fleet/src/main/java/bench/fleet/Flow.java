package bench.fleet;

import java.util.Random;

/**
 * A counter that grows at a drifting rate (bytes per second): what a network interface or a disk
 * reports. Over each interval between two polls the counter grows by exactly the rate reported for
 * that interval, so a panel that derives rates from successive counters gets the reported rate.
 */
final class Flow {

  private final Walk rate;
  private double total;
  private double lastRate;
  private double peak;

  /** A flow averaging {@code meanPerSecond} that has run for {@code seconds} already. */
  Flow(double meanPerSecond, double seconds) {
    this.rate = new Walk(meanPerSecond, meanPerSecond * 0.4, 0, meanPerSecond * 5);
    this.total = meanPerSecond * seconds;
    this.lastRate = meanPerSecond;
    this.peak = meanPerSecond;
  }

  void advance(double seconds, Random random) {
    if (seconds <= 0) {
      return;
    }
    lastRate = rate.step(seconds, random);
    total += lastRate * seconds;
    peak = lastRate * (1 + random.nextDouble());
  }

  /** The counter starts again from zero, as after a reboot. */
  void reset() {
    total = 0;
  }

  /** The counter: whole units since boot. */
  long total() {
    return (long) total;
  }

  /** The rate over the last interval, per second. */
  double perSecond() {
    return lastRate;
  }

  /** The highest one-second rate within the last interval. */
  double peakPerSecond() {
    return peak;
  }
}
