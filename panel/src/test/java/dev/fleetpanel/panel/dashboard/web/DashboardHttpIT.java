package dev.fleetpanel.panel.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.FakeNode;
import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard through the running war, with fake nodes polled by its own poller: the page, the
 * refresh that sends only changed cards, the saved order, and the fleet-wide Prometheus endpoint
 * behind its scrape token.
 */
class DashboardHttpIT {
  static PanelServer panel;
  static Http admin;
  static final List<FakeNode> nodes = new ArrayList<>();

  @BeforeAll
  static void start() {
    panel = PanelServer.shared();
    admin = new Http(panel.base()).from("203.0.113.70");
    assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(admin.put("api/collector", "{\"interval_seconds\":5}").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    admin.put("api/collector", "{\"interval_seconds\":10}");
    nodes.forEach(FakeNode::close);
  }

  private static FakeNode.Enrolled node(String name, double cpu) throws Exception {
    FakeNode.Enrolled enrolled = FakeNode.enrol(admin, panel.base(), name);
    enrolled.node().cpuPercent = cpu;
    nodes.add(enrolled.node());
    return enrolled;
  }

  private static Document page(String path) {
    HttpResponse<String> r = admin.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Jsoup.parse(r.body(), panel.base());
  }

  private static Document refresh(String url) {
    HttpResponse<String> r = admin.send(admin.request(url).header("HX-Request", "true").GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Jsoup.parseBodyFragment(r.body());
  }

  /** Asks again every half second until {@code done} holds (the poller runs every 5 s). */
  private static Document until(java.util.function.Supplier<Document> ask, Predicate<Document> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    Document doc = ask.get();
    while (!done.test(doc) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      doc = ask.get();
    }
    return doc;
  }

  private static String cpu(Element card) {
    Element value = card == null ? null : card.selectFirst(".v.cpu");
    return value == null ? null : value.text();
  }

  @Test
  void aRefreshSendsTheSummaryAndOnlyTheCardsThatChangedSinceTheBrowsersToken() throws Exception {
    FakeNode.Enrolled n = node("dash-" + System.nanoTime(), 11);
    String card = "card-" + n.serverId();

    Document first =
        until(() -> page("dashboard"), d -> "11.0 %".equals(cpu(d.getElementById(card))));
    assertThat(cpu(first.getElementById(card))).isEqualTo("11.0 %");
    assertThat(first.getElementById(card).hasClass("state-online")).isTrue();
    String poll = first.getElementById("dash-poll").attr("hx-get");

    Document same = refresh(poll);
    assertThat(same.getElementById("fleet-summary").attr("hx-swap-oob")).isEqualTo("true");
    assertThat(same.getElementById("dash-poll").attr("hx-get"))
        .startsWith("dashboard/refresh?since=");
    assertThat(same.getElementById(card)).as("unchanged: not sent").isNull();

    n.node().cpuPercent = 55;
    Document changed =
        until(() -> refresh(poll), d -> "55.0 %".equals(cpu(d.getElementById(card))));
    assertThat(changed.getElementById(card).attr("hx-swap-oob")).isEqualTo("true");
    assertThat(cpu(changed.getElementById(card))).isEqualTo("55.0 %");
    assertThat(changed.getElementById("dash-groups")).isNull();

    Document stale = refresh(poll.replaceAll("layout=[0-9a-f]+", "layout=0000"));
    assertThat(stale.getElementById("dash-groups").attr("hx-swap-oob")).isEqualTo("true");
    assertThat(stale.getElementById(card)).isNotNull();
  }

  @Test
  void cardsDroppedIntoAFolderKeepTheirNewOrderAndABadDropChangesNothing() throws Exception {
    String tag = Long.toString(System.nanoTime());
    String a = createServer("order-a-" + tag);
    String b = createServer("order-b-" + tag);
    assertThat(admin.postForm("servers/folders", "folder_name=drop-" + tag).statusCode())
        .isEqualTo(200);
    String folder =
        page("dashboard").select(".dash-group").stream()
            .filter(g -> g.text().contains("drop-" + tag))
            .findFirst()
            .orElseThrow()
            .selectFirst(".dash-cards")
            .attr("data-folder");

    HttpResponse<String> dropped =
        admin.postForm("dashboard/order", "folder_id=" + folder + "&ids=" + b + "," + a);
    HttpResponse<String> unknown =
        admin.postForm("dashboard/order", "folder_id=" + folder + "&ids=" + a + ",99999999");
    HttpResponse<String> garbage =
        admin.postForm("dashboard/order", "folder_id=" + folder + "&ids=1;DROP");
    HttpResponse<String> noCsrf =
        new Http(panel.base())
            .from("203.0.113.70")
            .withSession(admin.sessionCookie().orElseThrow())
            .postForm("dashboard/order", "folder_id=none&ids=" + a);

    assertThat(dropped.statusCode()).isEqualTo(204);
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(garbage.statusCode()).isEqualTo(422);
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(page("dashboard").getElementById("dash-poll").attr("data-order"))
        .contains(folder + ":" + b + "," + a);
    assertThat(Jsoup.parse(admin.get("audit").body()).text())
        .as("the drop, audited with the folder and the new order")
        .contains("drop-" + tag)
        .contains("order-b-" + tag + ", order-a-" + tag);
  }

  @Test
  void theDetailsPageTakesAnyPeriodAndLoadsTheNodesLiveStateSeparately() throws Exception {
    FakeNode.Enrolled n = node("details-" + System.nanoTime(), 7);

    Document plain = page("servers/" + n.serverId() + "/details");
    Document odd = page("servers/" + n.serverId() + "/details?period=%27x&sort=%3Cb%3E&q=a%20b");
    Document live = page("servers/" + n.serverId() + "/details/live");

    assertThat(plain.getElementById("history").attr("data-period")).isEqualTo("24h");
    assertThat(odd.getElementById("history").attr("data-period")).isEqualTo("24h");
    assertThat(odd.selectFirst(".crumbs a").attr("href")).isEqualTo("dashboard?q=a+b");
    assertThat(live.getElementById("summary")).as(live.html()).isNotNull();
    assertThat(live.select("#processes tbody tr")).isNotEmpty();
    assertThat(admin.get("servers/99999999/details").statusCode()).isEqualTo(404);
  }

  @Test
  void withoutASessionTheDashboardSendsToTheLogin() {
    Http anonymous = new Http(panel.base()).from("203.0.113.71");

    HttpResponse<String> page = anonymous.get("dashboard");
    HttpResponse<String> poll =
        anonymous.send(anonymous.request("dashboard/refresh").header("HX-Request", "true").GET());
    HttpResponse<String> order = anonymous.postForm("dashboard/order", "folder_id=none&ids=1");

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(poll.statusCode()).isEqualTo(401);
    assertThat(poll.headers().firstValue("HX-Redirect").orElseThrow()).endsWith("/login");
    assertThat(order.statusCode()).isIn(401, 403, 303);
  }

  @Test
  void prometheusScrapesEveryServerWithTheScrapeTokenOnly() throws Exception {
    String name = "prom-\"quoted\\name-" + System.nanoTime();
    FakeNode.Enrolled n = node(name, 42);
    until(
        () -> page("dashboard"),
        d -> "42.0 %".equals(cpu(d.getElementById("card-" + n.serverId()))));
    Http prometheus = new Http(panel.base());
    admin.delete("settings/scrape-token");

    HttpResponse<String> closed = prometheus.get("metrics");
    HttpResponse<String> made = admin.postForm("settings/scrape-token", "");
    String token = Jsoup.parse(made.body()).select("pre.secret").text();
    HttpResponse<String> scraped =
        prometheus.send(
            prometheus.request("metrics").header("Authorization", "Bearer " + token).GET());
    HttpResponse<String> wrong =
        prometheus.send(
            prometheus.request("metrics").header("Authorization", "Bearer fpm_nope").GET());
    HttpResponse<String> apiToken =
        prometheus.send(
            prometheus.request("metrics").header("Authorization", "Bearer " + apiToken()).GET());
    HttpResponse<String> none = prometheus.get("metrics");

    assertThat(closed.statusCode()).isEqualTo(404);
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(token).startsWith("fpm_");
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain")
        .contains("version=0.0.4");
    String labels =
        "{server_id=\""
            + n.serverId()
            + "\",server=\""
            + name.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",folder=\"\"}";
    assertThat(scraped.body())
        .contains("# TYPE fleetpanel_server_up gauge")
        .contains("fleetpanel_server_up" + labels + " 1\n")
        .contains("fleetpanel_server_cpu_usage_percent" + labels + " 42\n")
        .contains("fleetpanel_server_memory_total_bytes" + labels + " 16715509760\n")
        .contains("fleetpanel_server_tcp_connections{server_id=\"" + n.serverId() + "\"")
        .contains("fleetpanel_server_uptime_seconds" + labels + " 273906\n");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(apiToken.statusCode()).as("an API token does not open /metrics").isEqualTo(401);
    assertThat(none.statusCode()).isEqualTo(401);

    assertThat(admin.delete("settings/scrape-token").statusCode()).isEqualTo(200);
    HttpResponse<String> revoked =
        prometheus.send(
            prometheus.request("metrics").header("Authorization", "Bearer " + token).GET());
    assertThat(revoked.statusCode()).isEqualTo(404);
  }

  private static String createServer(String name) {
    HttpResponse<String> r =
        admin.post(
            "api/servers", "{\"name\":" + Http.json(name) + ",\"address\":\"203.0.113.80\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.createReader(new StringReader(r.body())).readObject().get("id").toString();
  }

  private static String apiToken() {
    HttpResponse<String> r = admin.postForm("settings/tokens", "name=prom-" + System.nanoTime());
    return Jsoup.parse(r.body()).select("pre.secret").text();
  }
}
