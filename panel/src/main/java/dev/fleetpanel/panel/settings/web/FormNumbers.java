package dev.fleetpanel.panel.settings.web;

import dev.fleetpanel.panel.platform.settings.IntSetting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole numbers read from a settings form, each checked against its setting's range; the fields
 * that fail are collected with their message keys, so the form shows every error at once.
 */
final class FormNumbers {
  private final Map<String, String> errors = new LinkedHashMap<>();

  /**
   * The value, or the setting's fallback (with an error recorded) when it is not a number in range.
   */
  int read(String field, String text, IntSetting setting, String messageKey) {
    try {
      return setting.check(Integer.parseInt(text == null ? "" : text.strip()));
    } catch (IllegalArgumentException e) {
      errors.put(field, messageKey);
      return setting.fallback();
    }
  }

  Map<String, String> errors() {
    return errors;
  }
}
