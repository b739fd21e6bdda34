package dev.fleetpanel.panel.dashboard.web;

import dev.fleetpanel.panel.platform.i18n.Messages;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of the dashboard's cards in one language, looked up once per page instead of once per
 * card (500 cards would make thousands of lookups).
 */
public record CardTexts(
    Locale locale,
    String drag,
    String disk,
    String network,
    String load,
    String uptime,
    String tcp,
    Map<String, String> states,
    Map<String, String> reasons) {

  static final List<String> STATES = List.of("online", "offline", "unknown", "disabled");
  static final List<String> REASONS =
      List.of("offline", "cpu", "ram", "disk", "ssl_expired", "ssl_expiring");

  static CardTexts of(Locale locale) {
    Map<String, String> states = new HashMap<>();
    STATES.forEach(s -> states.put(s, Messages.get(locale, "dashboard.state." + s)));
    Map<String, String> reasons = new HashMap<>();
    REASONS.forEach(r -> reasons.put(r, Messages.get(locale, "dashboard.reason." + r)));
    return new CardTexts(
        locale,
        Messages.get(locale, "dashboard.drag"),
        Messages.get(locale, "dashboard.disk"),
        Messages.get(locale, "dashboard.network"),
        Messages.get(locale, "dashboard.load"),
        Messages.get(locale, "dashboard.uptime"),
        Messages.get(locale, "dashboard.tcp"),
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
      return Messages.get(locale, "dashboard.ssl.expired");
    }
    return new MessageFormat(Messages.get(locale, "dashboard.ssl.days"), locale)
        .format(new Object[] {days});
  }
}
