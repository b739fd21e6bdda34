package dev.fleetpanel.panel.platform.persistence;

/** Text stored in a column of bounded length. */
public final class ColumnText {
  private ColumnText() {}

  /**
   * {@code value} cut to at most {@code max} characters, the last one then "…"; null stays null.
   */
  public static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
