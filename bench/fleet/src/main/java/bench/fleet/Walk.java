package bench.fleet;

import java.util.Random;

/**
 * A bounded random walk pulled back towards its mean: CPU, memory and rates drift like a real
 * host's instead of jumping between unrelated values. {@code volatility} is the standard deviation
 * of one minute's steps, so the figures move as much whether a node is polled every 2 s or every
 * minute.
 */
final class Walk {

  /** How much of the distance to the mean is closed per minute. */
  private static final double PULL_PER_MINUTE = 0.2;

  private final double mean;
  private final double volatility;
  private final double min;
  private final double max;
  private double value;

  Walk(double mean, double volatility, double min, double max) {
    this.mean = mean;
    this.volatility = volatility;
    this.min = min;
    this.max = max;
    this.value = mean;
  }

  /** Moves the walk on by {@code seconds} and returns the new value. */
  double step(double seconds, Random random) {
    double minutes = Math.max(0, seconds) / 60;
    double pull = (mean - value) * Math.min(1, PULL_PER_MINUTE * minutes);
    double noise = random.nextGaussian() * volatility * Math.sqrt(minutes);
    value = Math.max(min, Math.min(max, value + pull + noise));
    return value;
  }

  double value() {
    return value;
  }
}
