package dev.fleetpanel.panel.dashboard.web;

import static dev.fleetpanel.panel.platform.web.Units.bytes;
import static dev.fleetpanel.panel.platform.web.Units.percent;
import static dev.fleetpanel.panel.platform.web.Units.rate;

import dev.fleetpanel.panel.dashboard.ServerCard;
import dev.fleetpanel.panel.platform.web.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A server's card as the dashboard shows it, every figure already formatted. Two rows are equal
 * exactly when the card would render the same, which is how a refresh tells the cards that changed.
 *
 * @param state online, offline, unknown or disabled (also the message key suffix)
 * @param since when the state began (ISO-8601, UTC), null for disabled
 * @param cpuMeter, ramMeter, diskMeter whole percentages for the meters, -1 when unknown
 * @param sslDays days until the nearest certificate expires (negative: expired), null when none
 * @param attention message key suffixes of why the server needs attention
 */
public record CardRow(
    long id,
    String name,
    String address,
    String state,
    String since,
    String lastError,
    String cpu,
    int cpuMeter,
    String ram,
    String ramDetail,
    int ramMeter,
    String disk,
    String diskDetail,
    int diskMeter,
    String down,
    String up,
    String load,
    String uptime,
    String tcp,
    String sslDomain,
    Long sslDays,
    List<String> attention) {

  static final String DASH = "—";

  static CardRow of(ServerCard card, Instant now) {
    var f = card.figures();
    ServerCard.State state = card.state();
    Long sslDays =
        card.sslExpiry() == null ? null : Duration.between(now, card.sslExpiry()).toDays();
    if (card.sslExpiry() != null && !card.sslExpiry().isAfter(now)) {
      sslDays = Math.min(-1, sslDays);
    }
    return new CardRow(
        card.server().id(),
        card.server().name(),
        card.server().address(),
        state.name().toLowerCase(Locale.ROOT),
        state == ServerCard.State.ONLINE || state == ServerCard.State.OFFLINE
            ? card.status().since().toString()
            : null,
        state == ServerCard.State.OFFLINE ? card.status().lastError() : null,
        dash(percent(f.cpu())),
        meter(f.cpu()),
        dash(percent(f.ramPercent())),
        used(f.ramUsed(), f.ramTotal()),
        meter(f.ramPercent()),
        dash(percent(f.diskPercent())),
        used(f.diskUsed(), f.diskTotal()),
        meter(f.diskPercent()),
        rate(f.down()),
        rate(f.up()),
        Double.isNaN(f.load1())
            ? DASH
            : Units.decimals(f.load1(), 2)
                + " "
                + Units.decimals(f.load5(), 2)
                + " "
                + Units.decimals(f.load15(), 2),
        dash(Units.duration(f.uptimeSeconds())),
        Double.isNaN(f.tcpEstablished()) ? DASH : Long.toString(Math.round(f.tcpEstablished())),
        card.sslDomain(),
        sslDays,
        card.attention().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static int meter(double percent) {
    return Double.isNaN(percent) ? -1 : (int) Math.round(Math.max(0, Math.min(100, percent)));
  }

  private static String used(double used, double total) {
    return Double.isNaN(used) || Double.isNaN(total) ? null : bytes(used) + " / " + bytes(total);
  }

  public boolean needsAttention() {
    return !attention.isEmpty();
  }

  public boolean online() {
    return "online".equals(state);
  }

  /** The card's classes: its state, and whether it needs attention. */
  public String css() {
    return "server-card state-" + state + (attention.isEmpty() ? "" : " attention");
  }

  /** Down and up, as one line. */
  public String net() {
    return "↓ " + dash(down) + " ↑ " + dash(up);
  }

  public boolean sslWarning() {
    return attention.contains("ssl_expired") || attention.contains("ssl_expiring");
  }

  private static String dash(String value) {
    return value == null ? DASH : value;
  }
}
