package dev.fleetpanel.panel.blocklist.web;

import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.admin;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.parse;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderHtmx;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.blocklist.RuleInput;
import dev.fleetpanel.panel.blocklist.RuleService;
import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The Blocklist page's tabs and the fragments htmx swaps, rendered by the real engine. */
class BlocklistTemplateTest {
  private static final String HOSTILE = "<script>alert(1)</script>\"'&";

  private static NodeSyncRow.Item item(String label, String state, String retry, String error) {
    return new NodeSyncRow.Item(label, state, null, retry, error, null);
  }

  private static final List<NodeSyncRow> NODES =
      List.of(
          new NodeSyncRow(
              7,
              HOSTILE,
              List.of(
                  item("in", "applied", null, null),
                  item("out", "pending", "2026-11-30T12:00:00Z", "connection refused"),
                  item("in/temp", "drifted", null, null),
                  item("out/temp", "none", null, null))));

  private static View page(String tab) {
    return View.page(BlocklistPageResource.TEMPLATE)
        .with("tab", tab)
        .with("servers", List.of(new BlocklistPageResource.ServerOption(7, HOSTILE)))
        .with("serverId", null)
        .with("serverName", null)
        .with("errors", Map.of())
        .with("duration", "permanent")
        .with("ruleCount", 301)
        .with(
            "rules",
            List.of(
                new RuleRow(
                    11,
                    "203.0.113.0/24",
                    "in",
                    null,
                    HOSTILE,
                    "<b>admin</b>",
                    "2026-11-30T10:00:00Z"),
                new RuleRow(
                    12,
                    "2001:db8::/32",
                    "out",
                    "2026-12-01T10:00:00Z",
                    "",
                    "admin",
                    "2026-11-30T10:00:00Z")))
        .with("nodes", NODES);
  }

  @Test
  void theRulesTabEscapesWhatPeopleTypedAndAsksBeforeDeleting() {
    Document doc = parse(renderPage(page("global"), admin()));

    assertThat(doc.select("script:containsData(alert)")).isEmpty();
    assertThat(doc.select("b")).isEmpty();
    assertThat(doc.select("nav.tabs a").eachAttr("href"))
        .containsExactly(
            "blocklist?tab=global",
            "blocklist?tab=server",
            "blocklist?tab=lists",
            "blocklist?tab=settings");
    assertThat(doc.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Every server");
    Element first = doc.selectFirst("#rule-11");
    assertThat(first.select("td").get(3).text()).isEqualTo(HOSTILE);
    assertThat(first.select("td").get(4).text()).startsWith("<b>admin</b>");
    assertThat(first.select("td").get(2).text()).isEqualTo("permanent");
    assertThat(first.selectFirst("button[hx-delete]").attr("hx-delete"))
        .isEqualTo("blocklist/rules/11");
    assertThat(first.selectFirst("button[hx-delete]").attr("hx-confirm"))
        .contains("203.0.113.0/24");
    assertThat(doc.selectFirst("#rule-12 time").attr("datetime")).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(doc.select("#rules > p.muted").text()).contains("2").contains("301");
    // Reloaded after an addition with the search and direction shown, not every rule.
    Element rules = doc.selectFirst("#rules");
    assertThat(rules.attr("hx-trigger")).isEqualTo("fp-rules-changed from:body");
    assertThat(doc.select(rules.attr("hx-include") + " [name]").eachAttr("name"))
        .containsExactly("server", "search", "direction");
    // The form sends every scope's rules to the same place; the duration choices end at 30 days.
    assertThat(doc.select("#add-rules form").attr("hx-post")).isEqualTo("blocklist/rules");
    assertThat(doc.select("select[name=duration] option").eachAttr("value"))
        .containsExactly("permanent", "600", "3600", "86400", "604800", "2592000");
  }

  @Test
  void aPasteReportsWhatWasAddedAndEveryLineNotTakenWithItsNumber() {
    RuleInput input = RuleInput.parse("not-an-address\n93.184.216.34\n10.0.0.1\n" + HOSTILE, 100);
    RuleService.Added added = new RuleService.Added(List.of(), 1, input);
    View view =
        View.fragment(BlocklistPageResource.TEMPLATE, "add")
            .with("serverId", 7L)
            .with("serverName", HOSTILE)
            .with("errors", Map.of())
            .with("added", added)
            .with("problems", input.problems());
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select(".flash.ok").text())
        .isEqualTo("Added 0, 1 already there, 2 lines not understood, 1 refused.");
    assertThat(doc.select("ul.problems li .mono").eachText())
        .containsExactly("line 1", "line 3", "line 4");
    assertThat(doc.select("ul.problems code").eachText())
        .containsExactly("not-an-address", "10.0.0.1", HOSTILE);
    assertThat(doc.select("ul.problems li .muted").eachText())
        .containsExactly(
            "range start: not an IPv4 address or network",
            "overlaps 10.0.0.0/8 (private network)",
            "not an IPv4 address or network");
    assertThat(doc.select("h2").text()).contains(HOSTILE);
    assertThat(doc.select("input[name=server]").val()).isEqualTo("7");
    assertThat(doc.select("script")).isEmpty();
  }

  @Test
  void theNodesTableShowsEachListsStateWithTheNextRetryAndTheError() {
    Document doc =
        parse(
            renderHtmx(
                View.fragment(BlocklistPageResource.TEMPLATE, "nodes").with("nodes", NODES),
                admin()));

    Element row = doc.selectFirst("#node-7");
    assertThat(row.selectFirst("a").text()).isEqualTo(HOSTILE);
    assertThat(row.select("td[data-state]").eachAttr("data-state"))
        .containsExactly("applied", "pending", "drifted", "none");
    assertThat(row.select("td[data-state] .badge").eachAttr("class"))
        .containsExactly("badge ok", "badge warn", "badge err", "badge off");
    Element pending = row.selectFirst("td[data-state=pending]");
    assertThat(pending.selectFirst("time").attr("datetime")).isEqualTo("2026-11-30T12:00:00Z");
    assertThat(pending.selectFirst(".err-text").text()).isEqualTo("connection refused");
    assertThat(row.selectFirst("td[data-state=applied] time")).isNull();
    assertThat(doc.selectFirst("#blocklist-nodes").attr("hx-trigger")).isEqualTo("every 5s");

    Document none =
        parse(
            renderHtmx(
                View.fragment(BlocklistPageResource.TEMPLATE, "nodes").with("nodes", List.of()),
                admin()));
    assertThat(none.select("table")).isEmpty();
    assertThat(none.select("p.muted").text()).isNotEmpty();
  }

  @Test
  void theListsTabTellsAGoodCopyFromAStaleOneAndFromNone() {
    List<SourceRow> sources =
        List.of(
            new SourceRow(
                1,
                "ok",
                "https://a/x",
                "in",
                true,
                "2026-11-30T09:00:00Z",
                900,
                2,
                1,
                "abcd",
                "ok",
                null),
            new SourceRow(
                2,
                HOSTILE,
                "https://b/<i>",
                "in",
                true,
                "2026-11-29T09:00:00Z",
                50,
                0,
                0,
                "ef",
                "stale",
                "HTTP 503"),
            new SourceRow(
                3, "never", "https://c/", "out", true, null, 0, 0, 0, null, "never", null),
            new SourceRow(4, "off", "https://d/", "in", false, null, 0, 0, 0, null, "off", null));
    View view =
        View.fragment(BlocklistPageResource.TEMPLATE, "sources")
            .with("sources", sources)
            .with("sourceErrors", Map.of());
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select("tbody tr .badge").eachAttr("class"))
        .containsExactly("badge ok", "badge warn", "badge err", "badge off");
    Element stale = doc.selectFirst("#source-2");
    assertThat(stale.selectFirst("strong").text()).isEqualTo(HOSTILE);
    assertThat(stale.selectFirst(".url").text()).isEqualTo("https://b/<i>");
    assertThat(stale.selectFirst(".err-text").text()).isEqualTo("HTTP 503");
    assertThat(stale.selectFirst("button[hx-delete]").attr("hx-confirm")).contains(HOSTILE);
    assertThat(doc.select("i, script")).isEmpty();
    assertThat(doc.selectFirst("#source-1").text()).contains("900").contains("abcd");
    assertThat(doc.selectFirst("#source-3").text()).contains("never");
    assertThat(doc.selectFirst("#source-4").hasClass("disabled")).isTrue();
  }

  @Test
  void pastedTextWithNothingToBlockKeepsTheTextAndSaysWhyOfEveryLineInTheReadersLanguage() {
    String pasted = "198.51.100.7-198.51.100.1\n127.0.0.1\n2a00::/129";
    RuleInput input = RuleInput.parse(pasted, 100);
    View view =
        View.fragment(BlocklistPageResource.TEMPLATE, "add")
            .with("serverId", null)
            .with("serverName", null)
            .with("errors", Map.of("ip", "blocklist.ip.none"))
            .with("entries", pasted)
            .with("problems", input.problems());

    Document en = parse(renderHtmx(view, admin()));
    assertThat(en.select(".field-error").text())
        .isEqualTo("Nothing here can be blocked: see the lines below.");
    assertThat(en.selectFirst("textarea[name=entries]").val()).isEqualTo(pasted);
    assertThat(en.select("ul.problems li .muted").eachText())
        .containsExactly(
            "the range ends before it starts",
            "overlaps 127.0.0.0/8 (loopback)",
            "prefix length must be 0-128");

    Document ru = parse(renderHtmx(view, TemplateTestSupport.admin(TemplateTestSupport.RUSSIAN)));
    assertThat(ru.select(".field-error").text())
        .isEqualTo("Здесь нечего блокировать: см. строки ниже.");
    assertThat(ru.select("ul.problems li .mono").eachText())
        .containsExactly("строка 1", "строка 2", "строка 3");
    assertThat(ru.select("ul.problems li .muted").eachText())
        .containsExactly(
            "диапазон кончается раньше, чем начинается",
            "пересекается с 127.0.0.0/8 (loopback)",
            "длина префикса должна быть от 0 до 128");
  }

  @Test
  void everyTabRendersInRussianWithoutAMissingText() {
    for (String tab : List.of("global", "server", "lists", "settings")) {
      View view =
          page(tab)
              .with("sources", List.of())
              .with("sourceErrors", Map.of())
              .with("autoUpdate", true)
              .with("updateHours", 24);
      for (var info : List.of(admin(), TemplateTestSupport.admin(TemplateTestSupport.RUSSIAN))) {
        Document doc = parse(renderPage(view, info));
        assertThat(doc.text()).as(tab).doesNotContain("??");
      }
    }
  }
}
