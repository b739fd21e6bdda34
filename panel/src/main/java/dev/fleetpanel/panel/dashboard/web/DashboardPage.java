package dev.fleetpanel.panel.dashboard.web;

import dev.fleetpanel.panel.dashboard.DashboardQuery;
import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.dashboard.Fleet;
import dev.fleetpanel.panel.platform.web.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's model, built from a {@link Fleet}: the folders' card rows, the summary, the query
 * (for the filters and the links that keep it), and the poller's next request, which carries the
 * change token and the layout signature.
 */
final class DashboardPage {
  static final String TEMPLATE = "dashboard/page";

  final List<GroupRow> groups = new ArrayList<>();
  final List<CardRow> rows = new ArrayList<>();
  final SummaryView summary;
  final DashboardQuery query;

  /** The layout signature, set by {@link #fill} (it includes the meters' bands). */
  String layout;

  private CardHtml.Options options;

  DashboardPage(Fleet fleet) {
    for (Fleet.Group g : fleet.groups()) {
      List<CardRow> cards = g.cards().stream().map(c -> CardRow.of(c, fleet.at())).toList();
      String key = g.folderId() == null ? "none" : g.folderId().toString();
      groups.add(new GroupRow(key, g.folderName(), cards));
      rows.addAll(cards);
    }
    summary = SummaryView.of(fleet.summary());
    query = fleet.query();
  }

  DashboardPage(List<GroupRow> groups, SummaryView summary, DashboardQuery query) {
    this.groups.addAll(groups);
    groups.forEach(g -> rows.addAll(g.cards()));
    this.summary = summary;
    this.query = query;
  }

  /** Puts the model into {@code view}; {@code since} is the change token covering these rows. */
  View fill(
      View view,
      String since,
      DashboardSettings.Thresholds limits,
      int pollSeconds,
      Locale locale) {
    MeterScale scale = MeterScale.of(limits);
    layout = Layout.signature(groups, query.reorderable(), scale);
    String refresh = "dashboard/refresh" + query.toQueryString();
    String poll =
        refresh + (refresh.contains("?") ? "&" : "?") + "since=" + since + "&layout=" + layout;
    options =
        new CardHtml.Options(
            CardTexts.of(locale),
            scale,
            query.compact(),
            query.reorderable(),
            query.toQueryString(),
            false);
    return view.with("summary", summary)
        .with("q", query.search())
        .with("sort", query.sort().wire())
        .with("view", query.view())
        .with("compact", query.compact())
        .with("reorderable", query.reorderable())
        .with("back", query.toQueryString())
        .with("pollUrl", poll)
        .with("pollSeconds", pollSeconds)
        .with("order", Layout.order(groups))
        .with("oob", false);
  }

  /** Adds every folder with its cards (after {@link #fill}). */
  View withGroups(View view) {
    return view.with(
        "groups",
        groups.stream()
            .map(
                g ->
                    new GroupView(
                        g.key(), g.name(), g.cards().isEmpty(), CardHtml.cards(g.cards(), options)))
            .toList());
  }

  /**
   * Makes {@code view} (the refresh fragment) swap out of band the summary and either every folder,
   * when the browser's layout differs, or only the cards that changed since its token.
   */
  View refresh(View view, String clientLayout, List<CardRow> changed) {
    boolean whole = !layout.equals(clientLayout);
    view.with("oob", true).with("whole", whole);
    if (whole) {
      return withGroups(view);
    }
    CardHtml.Options swapped =
        new CardHtml.Options(
            options.texts(),
            options.scale(),
            options.compact(),
            options.reorderable(),
            options.back(),
            true);
    return view.with("changed", CardHtml.cards(changed, swapped));
  }
}
