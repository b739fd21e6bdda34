package dev.fleetpanel.node.agent.metrics;

/**
 * Time since boot, from {@code /proc/uptime}.
 *
 * @param seconds seconds since boot, with the kernel's hundredths; suspend time included
 */
public record Uptime(double seconds) {
  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  /** Whole seconds since boot, as the contract's {@code uptime_seconds}. */
  public long wholeSeconds() {
    return (long) Math.floor(seconds);
  }

  /**
   * The contract's {@code uptime_human}, such as {@code "3d 4h 5m"}: zero units are left out and
   * seconds are dropped, so one day and three minutes is {@code "1d 3m"} and 40 s is {@code "0m"}.
   */
  public String human() {
    long total = wholeSeconds();
    long days = total / DAY;
    long hours = total % DAY / HOUR;
    long minutes = total % HOUR / MINUTE;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("d ");
    }
    if (hours > 0) {
      text.append(hours).append("h ");
    }
    if (minutes > 0 || text.length() == 0) {
      text.append(minutes).append("m");
    }
    return text.toString().trim();
  }
}
