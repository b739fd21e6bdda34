package dev.fleetpanel.panel.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * A UI text not yet put into a language: a message key and its arguments, each a value shown as it
 * is or another {@code Text} put into the same language. Made where the reason is known (a parser,
 * a service), read where the language is ({@link #localized}).
 */
public record Text(String key, List<Object> args) {

  public Text {
    args = List.copyOf(args);
  }

  public static Text of(String key, Object... args) {
    return new Text(key, List.of(args));
  }

  /** The text in {@code locale}; a key missing from the bundles shows as itself. */
  public String localized(Locale locale) {
    String pattern = Messages.get(locale, key);
    if (args.isEmpty()) {
      return pattern;
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      Object arg = args.get(i);
      values[i] = arg instanceof Text text ? text.localized(locale) : arg;
    }
    return new MessageFormat(pattern, locale).format(values);
  }
}
