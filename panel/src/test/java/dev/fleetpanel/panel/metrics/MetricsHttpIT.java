package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.FakeNode;
import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collection's API through the running war, with nodes enrolled over its API and polled by its
 * own poller: the latest sample, the history's shape and errors, the collector's settings, and a
 * node that answers garbage.
 */
class MetricsHttpIT {
  static PanelServer panel;
  static Http admin;
  static final List<FakeNode> nodes = new ArrayList<>();

  @BeforeAll
  static void start() {
    panel = PanelServer.shared();
    admin = new Http(panel.base()).from("203.0.113.60");
    assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    nodes.forEach(FakeNode::close);
  }

  /** Adds a server, enrols a fake node for it through the API; returns the server's id. */
  private static String enrolledNode(FakeNode.Behaviour behaviour) throws Exception {
    FakeNode.Enrolled enrolled =
        FakeNode.enrol(admin, panel.base(), "metrics-" + System.nanoTime());
    enrolled.node().behaviour = behaviour;
    nodes.add(enrolled.node());
    return enrolled.serverId();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Test
  void theLatestSampleArrivesFromThePollerAndTheHistoryHasItsShape() throws Exception {
    String id = enrolledNode(FakeNode.Behaviour.NORMAL);

    HttpResponse<String> latest = admin.get("api/proxy/" + id + "/metrics");
    for (int i = 0; i < 60 && latest.statusCode() == 503; i++) {
      Thread.sleep(500);
      latest = admin.get("api/proxy/" + id + "/metrics");
    }

    assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
    assertThat(latest.headers().firstValue("X-Node-Status")).hasValue("online");
    assertThat(json(latest).getJsonObject("cpu")).isNotNull();
    HttpResponse<String> history = admin.get("api/proxy/" + id + "/metrics/history?period=1h");
    assertThat(history.statusCode()).isEqualTo(200);
    JsonObject h = json(history);
    assertThat(h.getString("period")).isEqualTo("1h");
    assertThat(h.getString("data_source")).isEqualTo("raw");
    assertThat(h.containsKey("gaps")).isTrue();
    assertThat(h.getJsonArray("data")).isNotNull();
    assertThat(admin.get("api/servers/status").body())
        .contains("\"server_id\":" + id + ",\"status\":\"online\"");
    org.jsoup.nodes.Element cell =
        org.jsoup.Jsoup.parseBodyFragment(admin.get("servers/status").body())
            .getElementById("status-" + id);
    assertThat(cell.text()).startsWith("online since");
    assertThat(admin.get("servers").body()).contains("hx-get=\"servers/status\"");
  }

  @Test
  void badHistoryParametersAre422AndUnknownServers404() {
    String id =
        json(admin.post(
                "api/servers",
                "{\"name\":\"history-" + System.nanoTime() + "\",\"address\":\"127.0.0.1\"}"))
            .get("id")
            .toString();
    String base = "api/proxy/" + id + "/metrics/history";

    HttpResponse<String> period = admin.get(base + "?period=2h");
    HttpResponse<String> from = admin.get(base + "?period=1h&from=yesterday");
    HttpResponse<String> backwards =
        admin.get(base + "?period=1h&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");

    assertThat(period.statusCode()).isEqualTo(422);
    assertThat(period.body()).contains("period");
    assertThat(from.statusCode()).isEqualTo(422);
    assertThat(from.body()).contains("from");
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(admin.get("api/proxy/999999/metrics/history").statusCode()).isEqualTo(404);
    assertThat(new Http(panel.base()).from("203.0.113.62").get(base).statusCode()).isEqualTo(401);
  }

  @Test
  void aNodeAnsweringGarbageIsABadGatewayWithItsReason() throws Exception {
    String id = enrolledNode(FakeNode.Behaviour.HTML);

    HttpResponse<String> live = admin.get("api/proxy/" + id + "/metrics/live");

    assertThat(live.statusCode()).isEqualTo(502);
    assertThat(json(live).getString("reason")).isEqualTo("garbage");
    assertThat(admin.get("api/proxy/" + id + "/metrics").statusCode()).isEqualTo(503);
  }

  @Test
  void thePollIntervalIsValidatedAndAppliedWithoutARestart() {
    HttpResponse<String> tooShort = admin.put("api/collector", "{\"interval_seconds\":3}");
    HttpResponse<String> set = admin.put("api/collector", "{\"interval_seconds\":15}");
    HttpResponse<String> back = admin.put("api/collector", "{\"interval_seconds\":10}");

    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body()).contains("interval_seconds");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(json(set).getInt("interval_seconds")).isEqualTo(15);
    assertThat(json(back).getInt("interval_seconds")).isEqualTo(10);
    assertThat(json(admin.get("api/collector")).getJsonArray("cycles")).isNotEmpty();
    HttpResponse<String> form = admin.postForm("settings/collector", "interval_seconds=301");
    assertThat(form.statusCode()).isEqualTo(422);
    assertThat(form.body()).contains("from 5 to 300");
    HttpResponse<String> saved = admin.postForm("settings/collector", "interval_seconds=10");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(admin.get("settings").body()).contains("name=\"interval_seconds\"");
  }

  @Test
  void eachPeriodReadsItsTierWithItsStepAndNoGapBeforeTheServerExisted() throws Exception {
    String id =
        json(admin.post(
                "api/servers",
                "{\"name\":\"shapes-" + System.nanoTime() + "\",\"address\":\"203.0.113.9\"}"))
            .get("id")
            .toString();
    java.util.Map<String, String[]> expected =
        java.util.Map.of(
            "1h", new String[] {"raw", "5"},
            "24h", new String[] {"raw", "58"},
            "7d", new String[] {"hourly", "3600"},
            "30d", new String[] {"hourly", "5184"},
            "365d", new String[] {"daily", "86400"});
    for (var e : expected.entrySet()) {
      HttpResponse<String> r =
          admin.get("api/proxy/" + id + "/metrics/history?period=" + e.getKey());
      JsonObject h = json(r);
      java.time.Instant from = java.time.Instant.parse(h.getString("from_time"));
      java.time.Instant to = java.time.Instant.parse(h.getString("to_time"));

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(h.getString("period")).isEqualTo(e.getKey());
      assertThat(h.getString("data_source")).as(e.getKey()).isEqualTo(e.getValue()[0]);
      assertThat(h.getJsonNumber("step_seconds").longValue())
          .as(e.getKey())
          .isEqualTo(Long.parseLong(e.getValue()[1]));
      assertThat(h.getInt("count")).isZero();
      assertThat(java.time.Duration.between(from, to))
          .isEqualTo(HistoryService.Period.of(e.getKey()).span());
      assertThat(h.getJsonArray("gaps").getValuesAs(JsonObject.class))
          .as("the server was added a moment ago: no gap of a whole " + e.getKey())
          .allSatisfy(
              g ->
                  assertThat(java.time.Instant.parse(g.getString("from")))
                      .isAfter(to.minusSeconds(120)));
    }
  }
}
