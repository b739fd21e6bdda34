package dev.fleetpanel.panel.dashboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.fleetpanel.panel.metrics.MetricColumn;
import dev.fleetpanel.panel.metrics.Partitions;
import dev.fleetpanel.panel.metrics.Sample;
import dev.fleetpanel.panel.metrics.SampleWriter;
import dev.fleetpanel.panel.platform.persistence.SqlDialect;
import dev.fleetpanel.panel.testing.Browsers;
import dev.fleetpanel.panel.testing.FakeNode;
import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dashboard and the server details charts in a real browser: a card's figure follows the node
 * without a reload (and an unchanged card is left alone), and a chart breaks its lines and shades
 * the stretch where the node was offline, in another colour where the panel was down. Screenshots
 * go to {@code target/screenshots}.
 */
class DashboardBrowserIT {
  static PanelServer panel;
  static Browsers browsers;
  static Http admin;
  static final List<FakeNode> nodes = new ArrayList<>();

  @BeforeAll
  static void start() {
    browsers = Browsers.start();
    panel = PanelServer.shared();
    admin = new Http(panel.base()).from("203.0.113.90");
    assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(admin.put("api/collector", "{\"interval_seconds\":5}").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.put("api/collector", "{\"interval_seconds\":10}");
    }
    nodes.forEach(FakeNode::close);
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void aCardFollowsItsNodeWithoutAReloadAndUnchangedCardsAreLeftAlone() throws Exception {
    FakeNode.Enrolled live = FakeNode.enrol(admin, panel.base(), "live-<i>" + System.nanoTime());
    nodes.add(live.node());
    live.node().cpuPercent = 21;
    String quiet = createServer("quiet-" + System.nanoTime());
    admin.postForm("servers/" + quiet + "/active", "active=false");

    BrowserContext context = browsers.context("203.0.113.91");
    Page page = context.newPage();
    List<String> errors = Browsers.consoleErrors(page, null);
    Browsers.signIn(page, panel);
    Locator card = page.locator("#card-" + live.serverId());
    assertThat(card.locator(".v.cpu")).hasText("21.0 %", timeout(40));
    assertThat(card.locator("a.name")).hasText(nameOf(live.serverId()));
    page.evaluate(
        "id => { window.fpNoReload = true; document.getElementById('card-' + id).dataset.seen = '1'; }",
        quiet);

    live.node().cpuPercent = 67;

    assertThat(card.locator(".v.cpu")).hasText("67.0 %", timeout(40));
    assertThat(page.evaluate("() => window.fpNoReload === true")).as("no reload").isEqualTo(true);
    assertThat(page.locator("#card-" + quiet).getAttribute("data-seen"))
        .as("an unchanged card is not re-rendered")
        .isEqualTo("1");
    Browsers.screenshot(page, "dashboard");

    page.locator("select[name=sort]").selectOption("cpu");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/dashboard\\?sort=cpu$"));
    page.locator("#card-" + live.serverId() + " a.name").click();
    assertThat(page.locator(".crumbs a").first()).hasAttribute("href", "dashboard?sort=cpu");
    assertThat(errors).as("console errors (CSP, scripts)").isEmpty();
    context.close();
  }

  @Test
  void aChartDrawsGapsWhereTheNodeWasOfflineAndWhereThePanelWasDown() throws Exception {
    String id = createServer("history-" + System.nanoTime());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    writeHistory(Long.parseLong(id), now);

    BrowserContext context = browsers.context("203.0.113.92");
    Page page = context.newPage();
    List<String> errors = Browsers.consoleErrors(page, null);
    Browsers.signIn(page, panel);
    page.navigate(panel.base() + "servers/" + id + "/details?period=24h");
    assertThat(page.locator("#history")).hasAttribute("data-rendered", "24h", renderTimeout());

    @SuppressWarnings("unchecked")
    Map<String, Object> cpu =
        (Map<String, Object>)
            page.evaluate(
                "() => { const c = Chart.getChart('chart-cpu');"
                    + " const y = Math.round(c.scales.y.getPixelForValue(85));"
                    + " const pixel = t => { const x = Math.round(c.scales.x.getPixelForValue(t));"
                    + "   return Array.from(c.ctx.getImageData(x, y, 1, 1).data); };"
                    + " const gaps = c.$fpGaps;"
                    + " const mid = k => { const g = gaps.find(g => g.kind === k);"
                    + "   return g ? g.from + (g.to - g.from) * 0.37 : null; };"
                    + " return { breaks: c.data.datasets[0].data.filter(p => p.y === null).length,"
                    + "   points: c.data.datasets[0].data.length,"
                    + "   kinds: gaps.map(g => g.kind),"
                    + "   node: pixel(mid('node')), panel: pixel(mid('panel')) }; }");
    Browsers.screenshot(page, "details-gaps");

    assertThat(((Number) cpu.get("points")).intValue()).isGreaterThan(100);
    assertThat(((Number) cpu.get("breaks")).intValue())
        .as("the line breaks at each gap")
        .isGreaterThanOrEqualTo(2);
    assertThat(((List<?>) cpu.get("kinds")).stream().map(Object::toString))
        .contains("node", "panel");
    List<Integer> node = ints(cpu.get("node"));
    List<Integer> down = ints(cpu.get("panel"));
    assertThat(node.get(3)).as("the node gap is shaded").isGreaterThan(0);
    assertThat(down.get(3)).as("the panel gap is shaded").isGreaterThan(0);
    assertThat(down.get(0)).as("panel gaps are amber").isGreaterThan(down.get(2) + 60);
    assertThat(Math.abs(node.get(0) - node.get(2))).as("node gaps are grey").isLessThan(40);
    assertThat(page.locator("#box-cores canvas")).isVisible();
    assertThat(page.evaluate("() => Chart.getChart('chart-cores').data.datasets.length"))
        .as("two cores")
        .isEqualTo(2);

    page.locator(".chart-toolbar button[data-period='7d']").click();
    assertThat(page.locator("#history")).hasAttribute("data-rendered", "7d", renderTimeout());
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*period=7d.*"));
    assertThat(page.locator("#box-cores .note")).isVisible();
    assertThat(errors).as("console errors (CSP, scripts)").isEmpty();
    context.close();
  }

  @Test
  void liveModeAddsEachNewSampleToTheCharts() throws Exception {
    FakeNode.Enrolled live = FakeNode.enrol(admin, panel.base(), "chart-live-" + System.nanoTime());
    nodes.add(live.node());
    BrowserContext context = browsers.context("203.0.113.94");
    Page page = context.newPage();
    List<String> errors = Browsers.consoleErrors(page, null);
    Browsers.signIn(page, panel);
    page.navigate(panel.base() + "servers/" + live.serverId() + "/details?period=24h");
    assertThat(page.locator("#history")).hasAttribute("data-rendered", "24h", renderTimeout());

    page.locator(".chart-toolbar button[data-live]").click();
    assertThat(page.locator(".chart-toolbar button[data-live]"))
        .hasAttribute("aria-pressed", "true");
    assertThat(page.locator("#history")).hasAttribute("data-rendered", "1h", renderTimeout());
    double first = lastPointTime(page);
    live.node().cpuPercent = 88;
    page.waitForFunction(
        "t => { const d = Chart.getChart('chart-cpu').data.datasets[0].data;"
            + " return d.length && d[d.length - 1].x > t && d[d.length - 1].y === 88; }",
        first,
        new Page.WaitForFunctionOptions().setTimeout(40_000));
    // Off again: back to the period chosen before, which the address kept.
    page.locator(".chart-toolbar button[data-live]").click();
    assertThat(page.locator("#history")).hasAttribute("data-rendered", "24h", renderTimeout());
    assertThat(page.locator(".chart-toolbar button[data-period='24h']"))
        .hasAttribute("aria-pressed", "true");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*period=24h.*"));
    assertThat(errors).as("console errors (CSP, scripts)").isEmpty();
    context.close();
  }

  @Test
  void aCardDraggedOntoAnotherKeepsItsNewPlaceAfterAReload() {
    String tag = Long.toString(System.nanoTime());
    assertThat(admin.postForm("servers/folders", "folder_name=dnd-" + tag).statusCode())
        .isEqualTo(200);
    String first = createServer("dnd-a-" + tag);
    String second = createServer("dnd-b-" + tag);
    BrowserContext context = browsers.context("203.0.113.95");
    Page page = context.newPage();
    List<String> errors = Browsers.consoleErrors(page, null);
    Browsers.signIn(page, panel);
    // The whole page in the window: the suite's other tests leave many cards, and a drag that has
    // to scroll the page on its way loses the drop.
    int height = ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue();
    page.setViewportSize(1400, height + 200);
    Locator folder =
        page.locator(".dash-group").filter(new Locator.FilterOptions().setHasText("dnd-" + tag));

    drop(page, "#card-" + first + " .drag", folder.locator(".dash-cards"));
    drop(page, "#card-" + second + " .drag", folder.locator("#card-" + first));

    assertThat(folder.locator(".server-card")).hasCount(2);
    page.reload();
    assertThat(folder.locator(".server-card").first()).hasAttribute("id", "card-" + second);
    assertThat(folder.locator(".server-card").nth(1)).hasAttribute("id", "card-" + first);
    Browsers.screenshot(page, "dashboard-dragged");
    assertThat(errors).as("console errors (CSP, scripts)").isEmpty();
    context.close();
  }

  /**
   * Drags a card by its handle onto {@code target}, then waits for the saved order and for the
   * refresh it triggers to be swapped in (the poller is replaced; the folders are redrawn when a
   * card changed folder), so that the next drag starts on the page as it stays.
   */
  private static void drop(Page page, String handle, Locator target) {
    ElementHandle poller = page.querySelector("#dash-poll");
    page.waitForResponse(
        r -> r.url().contains("dashboard/refresh"),
        () ->
            page.waitForResponse(
                r -> r.url().endsWith("dashboard/order") && r.status() == 204,
                () -> page.locator(handle).dragTo(target)));
    page.waitForFunction("poller => !poller.isConnected", poller);
  }

  private static double lastPointTime(Page page) {
    return ((Number)
            page.evaluate(
                "() => { const d = Chart.getChart('chart-cpu').data.datasets[0].data;"
                    + " return d.length ? d[d.length - 1].x : 0; }"))
        .doubleValue();
  }

  /**
   * A day of samples every minute with two holes: one while a collector ran (the node was offline)
   * and one while none did (the panel was down). Written with the panel's own writer.
   */
  private static void writeHistory(long serverId, Instant now) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(panel.database().url());
    ds.setUser(panel.database().user());
    ds.setPassword(panel.database().password());
    SampleWriter writer = new SampleWriter(ds, new Partitions(ds, SqlDialect.POSTGRESQL));
    Instant start = now.minus(Duration.ofHours(6));
    Instant nodeGapFrom = now.minus(Duration.ofHours(5));
    Instant nodeGapTo = now.minus(Duration.ofHours(4));
    Instant panelGapFrom = now.minus(Duration.ofHours(3));
    Instant panelGapTo = now.minus(Duration.ofHours(2));
    Instant end = now.minus(Duration.ofHours(1));
    for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
      boolean hole =
          (!t.isBefore(nodeGapFrom) && t.isBefore(nodeGapTo))
              || (!t.isBefore(panelGapFrom) && t.isBefore(panelGapTo));
      if (!hole) {
        double[] values = new double[MetricColumn.ALL.size()];
        Arrays.fill(values, Double.NaN);
        values[MetricColumn.CPU.ordinal()] = 20 + 10 * Math.sin(t.getEpochSecond() / 900.0);
        values[MetricColumn.MEM_USED.ordinal()] = 2e9;
        values[MetricColumn.MEM_TOTAL.ordinal()] = 8e9;
        writer.add(new Sample(serverId, t, values, "10.0,30.0"));
      }
    }
    assertThat(writer.flush()).isTrue();
    try (Connection c = ds.getConnection();
        PreparedStatement run =
            c.prepareStatement(
                "INSERT INTO collector_runs (started_at, last_beat_at) VALUES (?, ?)")) {
      // A collector ran from the start until an hour before the panel gap: the first hole is the
      // node's.
      run.setTimestamp(1, Timestamp.from(start));
      run.setTimestamp(2, Timestamp.from(panelGapFrom.minus(Duration.ofMinutes(50))));
      run.executeUpdate();
    }
  }

  private static String createServer(String name) {
    var r =
        admin.post(
            "api/servers", "{\"name\":" + Http.json(name) + ",\"address\":\"203.0.113.93\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.createReader(new StringReader(r.body())).readObject().get("id").toString();
  }

  private static String nameOf(String serverId) {
    return Json.createReader(new StringReader(admin.get("api/servers/" + serverId).body()))
        .readObject()
        .getString("name");
  }

  private static List<Integer> ints(Object list) {
    return ((List<?>) list).stream().map(o -> ((Number) o).intValue()).toList();
  }

  private static com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions timeout(
      int seconds) {
    return new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
        .setTimeout(seconds * 1000.0);
  }

  private static com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions
      renderTimeout() {
    return new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
        .setTimeout(20_000);
  }
}
