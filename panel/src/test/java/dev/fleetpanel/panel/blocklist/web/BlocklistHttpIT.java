package dev.fleetpanel.panel.blocklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blocklist's JSON API (the seed's paths and fields) and page through the running war: rules of
 * every server and of one, bad input refused with nothing changed, lists served by a local HTTP
 * server, settings, the nodes' state.
 */
class BlocklistHttpIT {
  static PanelServer panel;
  static Http admin;
  static HttpServer lists;

  @BeforeAll
  static void start() throws IOException {
    panel = PanelServer.shared();
    admin = new Http(panel.base()).from("203.0.113.110");
    assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
    lists = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    lists.createContext(
        "/list.txt",
        exchange -> {
          try (exchange) {
            byte[] body =
                "# test list\n31.0.0.0/16\n31.1.0.0 - 31.1.0.255\nnot an address\n127.0.0.1\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    lists.createContext(
        "/other.txt",
        exchange -> {
          try (exchange) {
            byte[] body = "34.0.0.0/24\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    lists.start();
  }

  @AfterAll
  static void stop() {
    lists.stop(0);
  }

  private static JsonObject object(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static JsonArray array(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readArray();
  }

  private static String serverId(String name) {
    HttpResponse<String> r =
        admin.post(
            "api/servers", "{\"name\":" + Http.json(name) + ",\"address\":\"203.0.113.111\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return object(r).get("id").toString();
  }

  @Test
  void globalRulesAreAddedListedSearchedAndDeletedWithTheSeedsFields() {
    HttpResponse<String> one =
        admin.post(
            "api/blocklist/global",
            "{\"ip\":\"30.0.0.1\",\"direction\":\"in\",\"permanent\":true,\"comment\":\"<b>scan</b>\"}");
    HttpResponse<String> bulk =
        admin.post(
            "api/blocklist/global/bulk",
            "{\"ips\":[\"30.0.1.0/24\",\"30.0.2.0 - 30.0.2.255\",\"junk\",\"192.168.1.1\",\"30.0.0.1\"],"
                + "\"direction\":\"out\",\"permanent\":false,\"duration_seconds\":3600}");

    assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
    JsonObject added = object(one);
    assertThat(added.getInt("added")).isEqualTo(1);
    JsonObject rule = added.getJsonArray("rules").getJsonObject(0);
    assertThat(rule.getString("ip_cidr")).isEqualTo("30.0.0.1");
    assertThat(rule.get("server_id")).isEqualTo(JsonValue.NULL);
    assertThat(rule.getBoolean("is_permanent")).isTrue();
    assertThat(rule.getString("comment")).isEqualTo("<b>scan</b>");
    assertThat(rule.getString("source")).isEqualTo("manual");

    assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(201);
    JsonObject b = object(bulk);
    assertThat(b.getInt("added"))
        .as("30.0.1.0/24, 30.0.2.0/24 (a range, not one /23), 30.0.0.1")
        .isEqualTo(3);
    assertThat(b.getInt("garbage")).isEqualTo(1);
    assertThat(b.getInt("refused")).isEqualTo(1);
    assertThat(b.getJsonArray("problems").getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("kind") + " " + p.getInt("line"))
        .containsExactly("garbage 3", "refused 4");
    JsonObject temporary = b.getJsonArray("rules").getJsonObject(0);
    assertThat(temporary.getBoolean("is_permanent")).isFalse();
    assertThat(temporary.getString("expires_at")).isNotBlank();

    JsonArray inbound = array(admin.get("api/blocklist/global?direction=in"));
    JsonArray found = array(admin.get("api/blocklist/global?search=30.0.1.7"));
    assertThat(inbound.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("ip_cidr"))
        .contains("30.0.0.1");
    assertThat(found.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("ip_cidr"))
        .containsExactly("30.0.1.0/24");

    assertThat(admin.delete("api/blocklist/global/" + rule.getInt("id")).statusCode())
        .isEqualTo(204);
    assertThat(admin.delete("api/blocklist/global/" + rule.getInt("id")).statusCode())
        .isEqualTo(404);
    assertThat(admin.get("audit").body()).contains("blocklist.add").contains("blocklist.remove");
  }

  @Test
  void badInputIsRefusedWithAClearErrorAndChangesNothing() {
    int before = array(admin.get("api/blocklist/global")).size();

    HttpResponse<String> privateOnly = admin.post("api/blocklist/global", "{\"ip\":\"10.1.2.3\"}");
    HttpResponse<String> everything = admin.post("api/blocklist/global", "{\"ip\":\"0.0.0.0/0\"}");
    HttpResponse<String> malformed = admin.post("api/blocklist/global", "{\"ip\":");
    HttpResponse<String> direction =
        admin.post("api/blocklist/global", "{\"ip\":\"30.5.0.1\",\"direction\":\"up\"}");
    HttpResponse<String> forever =
        admin.post(
            "api/blocklist/global",
            "{\"ip\":\"30.5.0.1\",\"permanent\":false,\"duration_seconds\":99999999}");
    HttpResponse<String> comment =
        admin.post(
            "api/blocklist/global",
            "{\"ip\":\"30.5.0.1\",\"comment\":\"" + "x".repeat(201) + "\"}");
    HttpResponse<String> noServer =
        admin.post("api/blocklist/server/99999999", "{\"ip\":\"30.5.0.1\"}");
    HttpResponse<String> permanentWithDuration =
        admin.post(
            "api/blocklist/global",
            "{\"ip\":\"30.5.0.1\",\"permanent\":true,\"duration_seconds\":600}");
    HttpResponse<String> anonymous = new Http(panel.base()).get("api/blocklist/global");

    assertThat(privateOnly.statusCode()).isEqualTo(422);
    assertThat(privateOnly.body()).contains("Nothing here can be blocked");
    JsonObject why = Json.createReader(new StringReader(everything.body())).readObject();
    assertThat(why.getJsonArray("problems").getValuesAs(JsonObject.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getInt("line")).isEqualTo(1);
              assertThat(p.getString("text")).isEqualTo("0.0.0.0/0");
              assertThat(p.getString("kind")).isEqualTo("refused");
              assertThat(p.getString("reason"))
                  .isEqualTo("non_public: overlaps 0.0.0.0/8 (this network)");
            });
    assertThat(everything.statusCode()).isEqualTo(422);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(direction.statusCode()).isEqualTo(422);
    assertThat(forever.statusCode()).isEqualTo(422);
    assertThat(comment.statusCode()).isEqualTo(422);
    assertThat(noServer.statusCode()).isEqualTo(404);
    assertThat(permanentWithDuration.statusCode()).isEqualTo(422);
    assertThat(permanentWithDuration.body()).contains("duration_seconds");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(array(admin.get("api/blocklist/global")).size()).isEqualTo(before);
  }

  @Test
  void aServersRulesAreItsOwnAndItsStatusSaysWhyTheNodeCannotBeAsked() {
    String id = serverId("blocklist-" + System.nanoTime());

    HttpResponse<String> added =
        admin.post("api/blocklist/server/" + id, "{\"ip\":\"32.0.0.1\",\"direction\":\"out\"}");
    int ruleId = object(added).getJsonArray("rules").getJsonObject(0).getInt("id");
    JsonObject hour =
        object(
                admin.post(
                    "api/blocklist/server/" + id,
                    "{\"ip\":\"32.0.0.2\",\"duration_seconds\":3600}"))
            .getJsonArray("rules")
            .getJsonObject(0);
    JsonArray own = array(admin.get("api/blocklist/server/" + id));
    JsonObject status = object(admin.get("api/blocklist/server/" + id + "/status"));

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(own.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("ip_cidr"))
        .containsExactly("32.0.0.2", "32.0.0.1");
    assertThat(own.getJsonObject(0).getInt("server_id")).isEqualTo(Integer.parseInt(id));
    assertThat(array(admin.get("api/blocklist/global")).getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("ip_cidr"))
        .doesNotContain("32.0.0.1");
    assertThat(hour.getBoolean("is_permanent")).as("a duration alone is temporary").isFalse();
    assertThat(admin.delete("api/blocklist/global/" + ruleId).statusCode())
        .as("not a rule for every server")
        .isEqualTo(404);
    assertThat(status.get("node")).isEqualTo(JsonValue.NULL);
    assertThat(status.getString("error")).isNotBlank();
    assertThat(admin.delete("api/blocklist/server/" + id + "/" + ruleId).statusCode())
        .isEqualTo(204);
    assertThat(array(admin.get("api/blocklist/server/" + id)).getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("ip_cidr"))
        .containsExactly("32.0.0.2");
  }

  @Test
  void aListIsDownloadedWhenAddedAndKeptWithItsCounts() {
    String url = "http://127.0.0.1:" + lists.getAddress().getPort() + "/list.txt";

    HttpResponse<String> created =
        admin.post(
            "api/blocklist/sources",
            "{\"name\":\"Local\",\"url\":" + Http.json(url) + ",\"direction\":\"in\"}");
    JsonObject source = object(created);
    int id = source.getInt("id");
    HttpResponse<String> duplicate =
        admin.post("api/blocklist/sources", "{\"name\":\"Again\",\"url\":" + Http.json(url) + "}");
    HttpResponse<String> ftp =
        admin.post("api/blocklist/sources", "{\"name\":\"Ftp\",\"url\":\"ftp://example.org/x\"}");
    HttpResponse<String> port =
        admin.post(
            "api/blocklist/sources", "{\"name\":\"Port\",\"url\":\"http://127.0.0.1:99999/x\"}");
    String other = url.replace("list.txt", "other.txt");
    HttpResponse<String> moved =
        admin.put("api/blocklist/sources/" + id, "{\"url\":" + Http.json(other) + "}");
    HttpResponse<String> off = admin.put("api/blocklist/sources/" + id, "{\"enabled\":false}");
    HttpResponse<String> refreshed = admin.post("api/blocklist/sources/" + id + "/refresh", "");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(source.getInt("ip_count")).isEqualTo(2);
    assertThat(source.getInt("garbage_count")).isEqualTo(1);
    assertThat(source.getInt("refused_count")).isEqualTo(1);
    assertThat(source.getString("last_hash")).hasSize(64);
    assertThat(source.getString("last_updated")).isNotBlank();
    assertThat(duplicate.statusCode()).isEqualTo(422);
    assertThat(ftp.statusCode()).isEqualTo(422);
    assertThat(port.statusCode()).isEqualTo(422);
    // Another address is downloaded at once: its counts are the new list's.
    assertThat(object(moved).getString("url")).isEqualTo(other);
    assertThat(object(moved).getInt("ip_count")).isEqualTo(1);
    assertThat(object(moved).getInt("garbage_count")).isZero();
    assertThat(object(off).getBoolean("enabled")).isFalse();
    assertThat(object(refreshed).getBoolean("success")).isTrue();
    assertThat(array(admin.get("api/blocklist/sources")).getValuesAs(JsonObject.class))
        .extracting(s -> s.getString("name"))
        .contains("AntiScanner", "Government Networks", "Local");
    assertThat(admin.delete("api/blocklist/sources/" + id).statusCode()).isEqualTo(204);
  }

  @Test
  void settingsAndTheNodesStateAreReadAndWritten() {
    HttpResponse<String> set =
        admin.put(
            "api/blocklist/settings",
            "{\"auto_update_enabled\":false,\"auto_update_interval\":43200}");
    HttpResponse<String> odd =
        admin.put("api/blocklist/settings", "{\"auto_update_interval\":1000}");
    HttpResponse<String> tooLong =
        admin.put("api/blocklist/settings", "{\"auto_update_interval\":608400}");
    HttpResponse<String> afterRefused = admin.get("api/blocklist/settings");
    HttpResponse<String> back =
        admin.put(
            "api/blocklist/settings",
            "{\"auto_update_enabled\":true,\"auto_update_interval\":86400}");
    HttpResponse<String> status = admin.get("api/blocklist/sync/status");

    assertThat(object(set).getBoolean("auto_update_enabled")).isFalse();
    assertThat(object(set).getInt("auto_update_interval")).isEqualTo(43200);
    assertThat(odd.statusCode()).isEqualTo(422);
    assertThat(tooLong.statusCode()).as("169 hours").isEqualTo(422);
    assertThat(object(afterRefused).getInt("auto_update_interval")).isEqualTo(43200);
    assertThat(object(afterRefused).getBoolean("auto_update_enabled")).isFalse();
    assertThat(object(back).getInt("auto_update_interval")).isEqualTo(86400);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(array(status).getValuesAs(JsonObject.class))
        .allSatisfy(r -> assertThat(r.getString("item")).startsWith("blocklist/"));
  }

  @Test
  void thePageAddsRulesFromAPasteAndShowsWhatItCouldNotTake() {
    Document page = Jsoup.parse(admin.get("blocklist").body());
    HttpResponse<String> added =
        admin.postForm(
            "blocklist/rules",
            "server=&entries=33.0.0.0%0A%3Cscript%3E%0A33.0.0.1&direction=in&duration=permanent&comment=%3Ci%3Ehi%3C%2Fi%3E");
    Document answer = Jsoup.parseBodyFragment(added.body());
    HttpResponse<String> nothing =
        admin.send(
            admin
                .request("blocklist/rules")
                .header("Accept-Language", "ru")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "entries=192.168.1.1%0A-&direction=in&duration=permanent")));
    Document nothingAnswer = Jsoup.parseBodyFragment(nothing.body());
    Document rules =
        Jsoup.parseBodyFragment(admin.get("blocklist/rules?search=33.0.0.0/24").body());
    Document lists = Jsoup.parse(admin.get("blocklist?tab=lists").body());

    assertThat(page.select("nav.tabs a").eachText())
        .containsExactly("Every server", "One server", "Automatic lists", "Settings");
    assertThat(page.select("#blocklist-nodes").attr("hx-trigger")).isEqualTo("every 5s");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.headers().firstValue("HX-Trigger")).hasValue("fp-rules-changed");
    assertThat(answer.select(".flash.ok").text())
        .startsWith("Added 1, 0 already there, 1 lines not understood");
    assertThat(answer.select(".problems li").text()).contains("line 2").contains("<script>");
    assertThat(answer.select("script")).isEmpty();
    assertThat(rules.select("tr[id^=rule-] td.mono").eachText()).contains("33.0.0.0/31");
    assertThat(rules.select("tr[id^=rule-] i")).isEmpty();
    assertThat(nothing.statusCode()).isEqualTo(422);
    assertThat(nothingAnswer.select(".field-error").text())
        .isEqualTo("Здесь нечего блокировать: см. строки ниже.");
    assertThat(nothingAnswer.select(".problems li .muted").eachText())
        .containsExactly("пересекается с 192.168.0.0/16 (частная сеть)", "начало диапазона: пусто");
    assertThat(nothingAnswer.select("textarea[name=entries]").text()).contains("192.168.1.1");
    assertThat(lists.select("#sources tr[id^=source-]")).isNotEmpty();
    assertThat(lists.select("#sources .badge").eachText())
        .contains("never downloaded: nothing of it is applied");
  }
}
