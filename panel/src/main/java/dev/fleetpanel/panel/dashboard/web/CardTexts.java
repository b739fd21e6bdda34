package dev.fleetpanel.panel.dashboard.web;

import dev.fleetpanel.panel.platform.i18n.Messages;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the dashboard's cards in one language, looked up once per language instead of once
 * per card (500 cards would make thousands of lookups).
 */
public record CardTexts(
    Locale locale,
    String drag,
    String disk,
    String network,
    String load,
    String uptime,
    String tcp,
    String sslDays,
    String sslExpired,
    Map<String, String> states,
    Map<String, String> reasons) {

  private static final Map<Locale, CardTexts> BY_LOCALE = new ConcurrentHashMap<>();

  static final List<String> STATES = List.of("online", "offline", "unknown", "disabled");
  static final List<String> REASONS =
      List.of("offline", "cpu", "ram", "disk", "ssl_expired", "ssl_expiring");

  /** The texts of {@code locale}, looked up once per language the panel runs with. */
  static CardTexts of(Locale locale) {
    return BY_LOCALE.computeIfAbsent(locale, CardTexts::lookUp);
  }

  private static CardTexts lookUp(Locale locale) {
    Map<String, String> states = new HashMap<>();
    STATES.forEach(s -> states.put(s, Messages.get(locale, "status." + s)));
    Map<String, String> reasons = new HashMap<>();
    REASONS.forEach(r -> reasons.put(r, Messages.get(locale, "dashboard.reason." + r)));
    return new CardTexts(
        locale,
        Messages.get(locale, "dashboard.drag"),
        Messages.get(locale, "dashboard.disk"),
        Messages.get(locale, "details.network"),
        Messages.get(locale, "details.load"),
        Messages.get(locale, "dashboard.uptime"),
        Messages.get(locale, "dashboard.tcp"),
        Messages.get(locale, "dashboard.ssl.days"),
        Messages.get(locale, "dashboard.ssl.expired"),
        Map.copyOf(states),
        Map.copyOf(reasons));
  }

  public String state(String state) {
    return states.getOrDefault(state, state);
  }

  public String reason(String reason) {
    return reasons.getOrDefault(reason, reason);
  }

  /** "SSL: 12 days left", or that it expired (negative days). */
  public String ssl(Long days) {
    if (days == null) {
      return null;
    }
    if (days < 0) {
      return sslExpired;
    }
    return new MessageFormat(sslDays, locale).format(new Object[] {days});
  }
}
