package dev.fleetpanel.panel.platform.web;

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
    return unit == 0 ? Math.round(v) + " B" : decimals(v, 1) + " " + SIZES[unit];
  }

  public static String rate(Double bytesPerSecond) {
    String size = bytes(bytesPerSecond);
    return size == null ? null : size + "/s";
  }

  public static String percent(Double value) {
    return value == null || value.isNaN() ? null : decimals(value, 1) + " %";
  }

  /**
   * {@code value} rounded half up to 1 or 2 decimals, as {@code %.1f} / {@code %.2f} in the root
   * locale would write it, without the cost of a Formatter (a dashboard formats thousands).
   */
  public static String decimals(double value, int places) {
    long scale = places == 1 ? 10 : 100;
    long scaled = Math.round(Math.abs(value) * scale);
    String fraction = Long.toString(scaled % scale);
    StringBuilder out = new StringBuilder(12);
    if (value < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(scaled / scale).append('.');
    for (int i = fraction.length(); i < places; i++) {
      out.append('0');
    }
    return out.append(fraction).toString();
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
