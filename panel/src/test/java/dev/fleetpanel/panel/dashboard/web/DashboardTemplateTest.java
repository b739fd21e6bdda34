package dev.fleetpanel.panel.dashboard.web;

import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.admin;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.parse;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderHtmx;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.dashboard.DashboardQuery;
import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The dashboard's page and its refresh fragment, rendered with the real engine. */
class DashboardTemplateTest {
  static final String HOSTILE = "<script>alert(1)</script>\"'&";
  static final DashboardSettings.Thresholds LIMITS =
      new DashboardSettings.Thresholds(90, 85, 80, 7);

  static CardRow online(long id, String name, String cpu) {
    return new CardRow(
        id,
        name,
        "203.0.113." + id,
        "online",
        "2026-11-22T10:00:00Z",
        null,
        cpu,
        12,
        "45.0 %",
        "3.6 GiB / 8.0 GiB",
        45,
        "20.0 %",
        "20.0 GiB / 100.0 GiB",
        20,
        "1.5 MiB/s",
        "200.0 KiB/s",
        "0.52 0.40 0.33",
        "3d 4h",
        "17",
        null,
        null,
        List.of());
  }

  static CardRow offline(long id, String name, String error) {
    return new CardRow(
        id,
        name,
        "edge.example",
        "offline",
        "2026-11-22T09:00:00Z",
        error,
        null,
        -1,
        null,
        null,
        -1,
        null,
        null,
        -1,
        null,
        null,
        null,
        null,
        null,
        "a.example",
        3L,
        List.of("offline", "ssl_expiring"));
  }

  static SummaryView summary(int online, int offline) {
    return new SummaryView(
        online,
        offline,
        0,
        0,
        online + offline,
        "1.5 MiB/s",
        "200.0 KiB/s",
        offline,
        offline == 0
            ? List.of()
            : List.of(new SummaryView.AttentionRow(2, HOSTILE, List.of("offline"))));
  }

  static DashboardPage page(DashboardQuery query, List<GroupRow> groups, SummaryView summary) {
    return new DashboardPage(groups, summary, query);
  }

  static List<GroupRow> twoFolders() {
    return List.of(
        new GroupRow(
            "5",
            "<b>prod</b>",
            List.of(online(1, "web-1", "12.0 %"), offline(2, HOSTILE, HOSTILE))),
        new GroupRow("none", null, List.of(online(3, "db-1", "3.0 %"))));
  }

  /**
   * A refresh answer with the poll interval, the browser's layout (null: the current one), the
   * changes.
   */
  static Document refresh(int pollSeconds, String layout, List<CardRow> changed) {
    DashboardPage page = page(DashboardQuery.DEFAULT, twoFolders(), summary(2, 1));
    View view =
        page.fill(
            View.fragment(DashboardPage.TEMPLATE, "refresh"),
            "e1.9",
            LIMITS,
            pollSeconds,
            java.util.Locale.ENGLISH);
    page.refresh(view, layout == null ? page.layout : layout, changed);
    return Jsoup.parseBodyFragment(renderHtmx(view, admin()));
  }

  static Document renderWholePage(DashboardQuery query, List<GroupRow> groups) {
    DashboardPage page = page(query, groups, summary(2, 1));
    View view =
        page.withGroups(
            page.fill(
                View.page(DashboardPage.TEMPLATE, "dash-body"),
                "e1.7",
                LIMITS,
                10,
                java.util.Locale.ENGLISH));
    return parse(renderPage(view, admin()));
  }

  @Test
  void cardsAreGroupedByFolderAndEveryNameIsEscaped() {
    Document doc = renderWholePage(DashboardQuery.DEFAULT, twoFolders());

    assertThat(doc.select("script:not([src])")).as("no inline or injected script").isEmpty();
    assertThat(doc.select("h2.folder-title").eachText())
        .containsExactly("<b>prod</b>", "No folder");
    assertThat(doc.select(".dash-cards").eachAttr("data-folder")).containsExactly("5", "none");
    Element hostile = doc.getElementById("card-2");
    assertThat(hostile.selectFirst(".name").text()).isEqualTo(HOSTILE);
    assertThat(hostile.selectFirst(".err-text").text()).isEqualTo(HOSTILE);
    assertThat(doc.select("#fleet-summary .attention-list a").text()).isEqualTo(HOSTILE);
    assertThat(doc.getElementById("card-1").selectFirst("a.name").attr("href"))
        .isEqualTo("servers/1/details");
    assertThat(doc.getElementById("card-1").hasClass("state-online")).isTrue();
    assertThat(doc.getElementById("card-2").classNames()).contains("state-offline", "attention");
  }

  @Test
  void anOnlineCardShowsItsFiguresWithMetersAndAnOfflineOneSinceWhen() {
    Document doc = renderWholePage(DashboardQuery.DEFAULT, twoFolders());

    Element card = doc.getElementById("card-1");
    assertThat(card.selectFirst(".v.cpu").text()).isEqualTo("12.0 %");
    assertThat(card.selectFirst(".v.net").text()).isEqualTo("↓ 1.5 MiB/s ↑ 200.0 KiB/s");
    assertThat(card.selectFirst(".v.load").text()).isEqualTo("0.52 0.40 0.33");
    assertThat(card.selectFirst(".v.uptime").text()).isEqualTo("3d 4h");
    assertThat(card.selectFirst(".v.tcp").text()).isEqualTo("17");
    assertThat(card.select("meter").eachAttr("value")).containsExactly("12", "45", "20");
    assertThat(card.select("meter").eachAttr("high"))
        .as("the attention thresholds")
        .containsExactly("90", "85", "80");

    Element down = doc.getElementById("card-2");
    assertThat(down.select(".figures")).isEmpty();
    assertThat(down.selectFirst(".state").text()).startsWith("offline since");
    assertThat(down.selectFirst(".state time").attr("datetime")).isEqualTo("2026-11-22T09:00:00Z");
    assertThat(down.selectFirst(".ssl").text()).isEqualTo("SSL: 3 days left");
    assertThat(down.select(".reasons li").eachText())
        .containsExactly("offline", "certificate expiring");
  }

  @Test
  void theSummaryCountsTheFleetAndListsWhoNeedsAttention() {
    Document doc = renderWholePage(DashboardQuery.DEFAULT, twoFolders());

    assertThat(doc.select("#fleet-summary .tile").eachText())
        .contains("2 online", "1 offline", "1 need attention")
        .anyMatch(t -> t.contains("↓ 1.5 MiB/s") && t.contains("↑ 200.0 KiB/s"));
    assertThat(doc.select("#fleet-summary .attention-list a").attr("href"))
        .isEqualTo("servers/2/details");
  }

  @Test
  void inTheSavedOrderCardsCanBeDraggedAndThePollerCarriesTokenLayoutAndOrder() {
    Document doc = renderWholePage(DashboardQuery.DEFAULT, twoFolders());

    assertThat(doc.select(".dash-cards[data-sortable]")).hasSize(2);
    assertThat(doc.select(".server-card .drag")).hasSize(3);
    Element poll = doc.getElementById("dash-poll");
    assertThat(poll.attr("hx-get"))
        .startsWith("dashboard/refresh?since=e1.7&layout=")
        .endsWith(Layout.signature(twoFolders(), true, MeterScale.of(LIMITS)));
    // Other thresholds are another layout: the next refresh redraws every card's meters.
    assertThat(
            Layout.signature(
                twoFolders(), true, MeterScale.of(new DashboardSettings.Thresholds(70, 85, 80, 7))))
        .isNotEqualTo(Layout.signature(twoFolders(), true, MeterScale.of(LIMITS)));
    assertThat(poll.attr("hx-trigger")).isEqualTo("every 10s, fp-refresh from:body");
    assertThat(poll.attr("hx-swap")).isEqualTo("outerHTML");
    assertThat(poll.attr("hx-sync")).isEqualTo("this:replace");
    assertThat(poll.attr("data-order")).isEqualTo("5:1,2;none:3");
    assertThat(doc.select("script[src*=Sortable]")).isEmpty();
  }

  @Test
  void aSearchOrASortKeepsTheQueryInThePollerAndTheLinksAndTurnsDraggingOff() {
    DashboardQuery query = DashboardQuery.of("a b&c", "cpu", "compact");
    Document doc = renderWholePage(query, twoFolders());

    assertThat(doc.getElementById("dash-poll").attr("hx-get"))
        .startsWith("dashboard/refresh?q=a+b%26c&sort=cpu&view=compact&since=e1.7&layout=");
    assertThat(doc.getElementById("card-1").selectFirst("a.name").attr("href"))
        .isEqualTo("servers/1/details?q=a+b%26c&sort=cpu&view=compact");
    assertThat(doc.select(".dash-cards[data-sortable]")).isEmpty();
    assertThat(doc.select(".drag")).isEmpty();
    assertThat(doc.getElementById("dash-body").hasClass("compact")).isTrue();
    assertThat(doc.getElementById("card-1").select(".v.load, .addr, .figures small")).isEmpty();
  }

  @Test
  void theFiltersShowTheQuery() {
    DashboardPage page = page(DashboardQuery.of("web", "ram", null), twoFolders(), summary(2, 1));
    View view =
        page.withGroups(
            page.fill(
                View.page(DashboardPage.TEMPLATE, "dash-body"),
                "e1.7",
                LIMITS,
                10,
                java.util.Locale.ENGLISH));
    Document doc = parse(renderPage(view, admin()));

    assertThat(doc.getElementById("dash-q").val()).isEqualTo("web");
    assertThat(doc.select("select[name=sort] option[selected]").val()).isEqualTo("ram");
    assertThat(doc.select("input[name=view][checked]").val()).isEqualTo("detailed");
    assertThat(doc.getElementById("dash-filters").attr("hx-get")).isEqualTo("dashboard");
    // An htmx request of the filters gets the body alone, poller included.
    Document fragment = Jsoup.parseBodyFragment(renderHtmx(view, admin()));
    assertThat(fragment.select("#dash-body #dash-poll")).hasSize(1);
    assertThat(fragment.select("header.topbar, #dash-filters")).isEmpty();
  }

  @Test
  void aRefreshSwapsTheSummaryAndOnlyTheCardsThatChanged() {
    Document doc = refresh(15, null, List.of(online(3, "db-1", "77.0 %")));

    Element poll = doc.getElementById("dash-poll");
    assertThat(poll.hasAttr("hx-swap-oob")).as("the poller is the main swap").isFalse();
    assertThat(poll.attr("hx-trigger")).isEqualTo("every 15s, fp-refresh from:body");
    assertThat(poll.attr("hx-get")).contains("since=e1.9");
    assertThat(doc.getElementById("fleet-summary").attr("hx-swap-oob")).isEqualTo("true");
    assertThat(doc.select("article.server-card").eachAttr("id")).containsExactly("card-3");
    assertThat(doc.getElementById("card-3").attr("hx-swap-oob")).isEqualTo("true");
    assertThat(doc.getElementById("card-3").selectFirst(".v.cpu").text()).isEqualTo("77.0 %");
    assertThat(doc.getElementById("dash-groups")).isNull();
  }

  @Test
  void aRefreshWithNothingChangedSendsNoCard() {
    Document doc = refresh(10, null, List.of());

    assertThat(doc.select("article")).isEmpty();
    assertThat(doc.getElementById("fleet-summary")).isNotNull();
  }

  @Test
  void aRefreshAgainstAnotherLayoutSwapsEveryFolder() {
    Document doc = refresh(10, "an-old-layout", List.of(online(3, "db-1", "77.0 %")));

    assertThat(doc.getElementById("dash-groups").attr("hx-swap-oob")).isEqualTo("true");
    assertThat(doc.select("#dash-groups article.server-card")).hasSize(3);
    assertThat(doc.select("body > article")).as("no card on its own besides the folders").isEmpty();
  }

  @Test
  void anEmptyFleetInvitesToAddAServerAndRussianHasEveryText() {
    DashboardPage page =
        page(DashboardQuery.DEFAULT, List.of(new GroupRow("none", null, List.of())), summary(0, 0));
    View view =
        page.withGroups(
            page.fill(
                View.page(DashboardPage.TEMPLATE, "dash-body"),
                "e1.0",
                LIMITS,
                10,
                java.util.Locale.ENGLISH));
    Document en = parse(renderPage(view, admin()));
    Document ru = parse(renderPage(view, admin(TemplateTestSupport.RUSSIAN)));
    DashboardPage whole = page(DashboardQuery.DEFAULT, twoFolders(), summary(2, 1));
    Document full =
        parse(
            renderPage(
                whole.withGroups(
                    whole.fill(
                        View.page(DashboardPage.TEMPLATE, "dash-body"),
                        "e1.7",
                        LIMITS,
                        10,
                        TemplateTestSupport.RUSSIAN)),
                admin(TemplateTestSupport.RUSSIAN)));

    assertThat(en.select("#fleet-summary a[href=servers]").text()).isEqualTo("Add the first one");
    assertThat(ru.text()).doesNotContain("??");
    assertThat(full.text()).doesNotContain("??").contains("Обзор").contains("не в сети с");
    assertThat(full.getElementById("card-2").select(".reasons li").eachText())
        .containsExactly("не в сети", "сертификат скоро истечёт");
  }
}
