package dev.fleetpanel.panel.dashboard.web;

import static dev.fleetpanel.panel.platform.web.Units.rate;

import dev.fleetpanel.panel.dashboard.Fleet;
import java.util.List;
import java.util.Locale;

/**
 * The fleet summary above the cards: counts by state, the total rates of the servers online now,
 * and the servers that need attention (the first {@link #SHOWN}, with how many more).
 */
public record SummaryView(
    int online,
    int offline,
    int unknown,
    int disabled,
    int total,
    String down,
    String up,
    int attentionCount,
    List<AttentionRow> attention) {

  static final int SHOWN = 12;

  /** A server that needs attention, with the message key suffixes of why. */
  public record AttentionRow(long id, String name, List<String> reasons) {}

  static SummaryView of(Fleet.Summary s) {
    List<AttentionRow> rows =
        s.attention().stream()
            .limit(SHOWN)
            .map(
                c ->
                    new AttentionRow(
                        c.server().id(),
                        c.server().name(),
                        c.attention().stream()
                            .map(a -> a.name().toLowerCase(Locale.ROOT))
                            .toList()))
            .toList();
    return new SummaryView(
        s.online(),
        s.offline(),
        s.unknown(),
        s.disabled(),
        s.total(),
        rate(s.down()),
        rate(s.up()),
        s.attention().size(),
        rows);
  }

  public int more() {
    return attentionCount - attention.size();
  }
}
