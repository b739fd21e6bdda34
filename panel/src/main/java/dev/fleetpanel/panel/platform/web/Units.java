package dev.fleetpanel.panel.platform.web;

import java.util.Locale;

/**
 * Figures as the pages show them: binary sizes ("3.2 GiB"), rates ("1.5 MiB/s"), percentages ("12.5
 * %") and durations ("3d 4h"). {@code NaN} or null is shown as nothing (null), never as 0.
 */
public final class Units {
  private static final String[] SIZES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Units() {}

  public static String bytes(Double value) {
    if (value == null || value.isNaN()) {
      return null;
    }
    double v = value;
    int unit = 0;
    while (Math.abs(v) >= 1024 && unit < SIZES.length - 1) {
      v /= 1024;
      unit++;
    }
    return unit == 0
        ? String.format(Locale.ROOT, "%.0f B", v)
        : String.format(Locale.ROOT, "%.1f %s", v, SIZES[unit]);
  }

  public static String rate(Double bytesPerSecond) {
    String size = bytes(bytesPerSecond);
    return size == null ? null : size + "/s";
  }

  public static String percent(Double value) {
    return value == null || value.isNaN() ? null : String.format(Locale.ROOT, "%.1f %%", value);
  }

  /** Whole seconds as the largest two units: "3d 4h", "5h 12m", "12m", "40s". */
  public static String duration(long seconds) {
    if (seconds < 0) {
      return null;
    }
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return days + "d " + hours + "h";
    }
    if (hours > 0) {
      return hours + "h " + minutes + "m";
    }
    return minutes > 0 ? minutes + "m" : seconds + "s";
  }
}
