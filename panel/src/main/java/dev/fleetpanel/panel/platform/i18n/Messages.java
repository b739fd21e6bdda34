package dev.fleetpanel.panel.platform.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The UI texts, {@code i18n/messages*.properties} (UTF-8), in the languages the panel offers. */
public final class Messages {
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  // Pages look up dozens of texts per row; ResourceBundle.getBundle's own cache costs more than a
  // map.
  private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

  public static Optional<String> find(Locale locale, String key) {
    ResourceBundle bundle =
        BUNDLES.computeIfAbsent(
            locale, l -> ResourceBundle.getBundle("i18n.messages", l, NO_FALLBACK));
    try {
      return Optional.of(bundle.getString(key));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  public static String get(Locale locale, String key) {
    return find(locale, key).orElse(key);
  }

  /** The supported locale for a language tag, or empty when the panel does not speak it. */
  public static Optional<Locale> supported(String languageTag) {
    if (languageTag == null) {
      return Optional.empty();
    }
    String lang = Locale.forLanguageTag(languageTag.strip()).getLanguage();
    return SUPPORTED.stream().filter(l -> l.getLanguage().equals(lang)).findFirst();
  }
}
