package dev.fleetpanel.panel.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The server details page rendered from the agent's golden /api/metrics document. */
class ServerDetailsTemplateTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("fleetpanel.webapp", "../src/main/webapp"))
          .resolve("../../../node-api/agent/src/test/resources/golden/metrics-root1.json")
          .normalize();

  private static JsonObject golden() throws Exception {
    return Json.createReader(new StringReader(Files.readString(GOLDEN))).readObject();
  }

  private static Document render(View view) {
    return Jsoup.parse(TemplateTestSupport.renderPage(view, TemplateTestSupport.admin()));
  }

  private static View live() {
    return View.fragment("dashboard/details", "live").with("serverId", 7L);
  }

  private static View page() {
    return View.page("dashboard/details", "content")
        .with("serverId", 7L)
        .with("serverName", "<b>edge</b>")
        .with("serverAddress", "127.0.0.1:9100")
        .with("back", "?q=a+b&sort=cpu")
        .with("period", "30d")
        .with("pollSeconds", 10)
        .with("chartLabels", ServerDetailsResource.chartLabels(Locale.ENGLISH))
        .with(
            "scripts", List.of("webjars/chart.js/4.5.1/dist/chart.umd.min.js", "static/charts.js"));
  }

  @Test
  void thePageHasTheChartsAndAWayBackThatKeepsTheDashboardsFilters() {
    Document doc = render(page());

    assertThat(doc.select("h1").text()).contains("<b>edge</b>");
    assertThat(doc.select("h1 b")).isEmpty();
    assertThat(doc.select(".crumbs a").first().attr("href")).isEqualTo("dashboard?q=a+b&sort=cpu");
    Element history = doc.getElementById("history");
    assertThat(history.attr("data-history")).isEqualTo("api/proxy/7/metrics/history");
    assertThat(history.attr("data-period")).isEqualTo("30d");
    assertThat(history.attr("data-interval")).isEqualTo("10");
    assertThat(doc.select(".chart-toolbar button[data-period]").eachAttr("data-period"))
        .containsExactly("1h", "24h", "7d", "30d", "365d");
    assertThat(doc.select(".chart-toolbar button[aria-pressed=true]").text()).isEqualTo("30d");
    assertThat(doc.select("canvas").eachAttr("id"))
        .containsExactly(
            "chart-cpu",
            "chart-cores",
            "chart-ram",
            "chart-net",
            "chart-load",
            "chart-disk",
            "chart-io",
            "chart-tcp");
    assertThat(doc.select("script[src]").eachAttr("src"))
        .contains("webjars/chart.js/4.5.1/dist/chart.umd.min.js", "static/charts.js");
    assertThat(doc.getElementById("live").attr("hx-get")).isEqualTo("servers/7/details/live");
    assertThat(doc.getElementById("live").attr("hx-trigger")).isEqualTo("load");
  }

  @Test
  void theChartTextsReachTheBrowserAsJsonInTheLanguageOfThePage() {
    JsonObject en =
        Json.createReader(new StringReader(ServerDetailsResource.chartLabels(Locale.ENGLISH)))
            .readObject();
    JsonObject ru =
        Json.createReader(
                new StringReader(ServerDetailsResource.chartLabels(Locale.forLanguageTag("ru"))))
            .readObject();

    assertThat(en.getString("gap.panel")).isEqualTo("panel down");
    assertThat(ru.getString("gap.panel")).isEqualTo("панель не работала");
    assertThat(ru.keySet()).containsAll(ServerDetailsResource.CHART_TEXTS);
    assertThat(ru.values()).noneMatch(v -> v.toString().contains("charts."));
    assertThat(render(page()).getElementById("history").attr("data-labels"))
        .isEqualTo(ServerDetailsResource.chartLabels(Locale.ENGLISH));
  }

  @Test
  void theLiveStateOfTheNodeIsShown() throws Exception {
    NodeStatusView node = NodeStatusView.of(golden());
    Document doc = render(live().with("node", node).with("latency", 12L));

    assertThat(doc.text())
        .contains("node-fra-01")
        .contains("Ubuntu 24.04.1 LTS")
        .contains("up 3d 4h 5m");
    assertThat(doc.select("#summary").text()).contains("15.6 GiB").contains("39.5 %");
    assertThat(doc.select("#disks tbody tr")).hasSize(2);
    assertThat(doc.select("#disks").text()).contains("/var/lib/data").contains("36.8 %");
    assertThat(doc.select("#tcp").text()).contains("established 6").contains("close_wait 2");
    assertThat(doc.select("#processes tbody tr").eachText()).anyMatch(t -> t.contains("systemd"));
    assertThat(doc.select("#process-filter").attr("data-filter-rows"))
        .isEqualTo("#processes tbody tr");
    assertThat(doc.select("#interfaces tbody tr.disabled").text()).contains("lo");
    assertThat(doc.select("#system").text())
        .contains("node-fra-01")
        .contains("2026-01-01T00:00:00Z")
        .contains("3f2b9c1e-8d4a-4f6b-9e2d-7c1a5b8e0f42");
    assertThat(doc.select("button[hx-get=servers/7/details/live]").attr("hx-target"))
        .isEqualTo("#live");
  }

  @Test
  void anUnreachableNodeSaysWhy() {
    Document doc = render(live().with("failure", "refused").with("detail", "connection refused"));
    assertThat(doc.select(".flash.error").text())
        .contains("The node cannot be reached.")
        .contains("Connection refused: is the agent running on that port?");
    assertThat(doc.select("#summary")).isEmpty();
  }

  @Test
  void sectionsTheNodeCouldNotReadAreLeftOut() {
    NodeStatusView node =
        NodeStatusView.of(
            Json.createObjectBuilder().add("timestamp", "2026-01-01T00:00:00Z").build());
    assertThat(node.disks()).isEmpty();
    assertThat(node.processes()).isEmpty();
    assertThat(node.ram()).isNull();
    Document doc = render(live().with("node", node).with("latency", 3L));
    assertThat(doc.select("#disks tbody tr")).isEmpty();
  }
}
