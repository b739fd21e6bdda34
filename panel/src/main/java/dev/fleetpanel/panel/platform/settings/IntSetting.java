package dev.fleetpanel.panel.platform.settings;

/**
 * A whole-number setting stored under {@code key}, allowed from {@code min} to {@code max}; a
 * stored value that is missing, malformed or out of range (edited by hand) reads as {@code
 * fallback}.
 */
public record IntSetting(String key, int min, int max, int fallback) {

  /** The stored value; callers run inside {@code Tx#call}. */
  public int read(SettingsRepository settings) {
    return settings.find(key).map(this::parse).orElse(fallback);
  }

  /** Stores {@code value}; callers run inside {@code Tx#run}. */
  public void write(SettingsRepository settings, int value) {
    settings.put(key, Integer.toString(check(value)));
  }

  /**
   * @throws IllegalArgumentException outside {@code min}-{@code max}
   */
  public int check(int value) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be " + min + "-" + max);
    }
    return value;
  }

  private int parse(String value) {
    try {
      int n = Integer.parseInt(value.strip());
      return n >= min && n <= max ? n : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
