package dev.fleetpanel.panel.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The servers API and page through the running war: CSRF, API tokens, bad input, escaping, htmx
 * fragments.
 */
class ServerHttpIT {
  static PanelServer panel;
  Http admin;

  @BeforeAll
  static void start() {
    panel = PanelServer.shared();
  }

  @BeforeEach
  void login() {
    admin = new Http(panel.base()).from("203.0.113.40");
    assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
  }

  private static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  private int count() {
    return admin.get("api/servers").body().split("\"id\":").length - 1;
  }

  @Test
  void crudThroughTheJsonApi() {
    String name = unique("edge");
    HttpResponse<String> created =
        admin.post(
            "api/servers",
            "{\"name\":\""
                + name
                + "\",\"address\":\"203.0.113.5\",\"agent_port\":9443,\"notes\":\"n\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body())
        .contains("\"agent_port\":9443")
        .contains("\"is_active\":true")
        .contains("\"folder_id\":null");
    String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");

    HttpResponse<String> disabled = admin.put("api/servers/" + id, "{\"is_active\":false}");
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(disabled.body())
        .contains("\"is_active\":false")
        .contains("\"agent_port\":9443")
        .contains("\"name\":\"" + name + "\"");

    assertThat(admin.delete("api/servers/" + id).statusCode()).isEqualTo(204);
    assertThat(admin.get("api/servers/" + id).statusCode()).isEqualTo(404);
    assertThat(admin.delete("api/servers/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aServerCanBeAddedWithMonitoringOff() {
    HttpResponse<String> created =
        admin.post(
            "api/servers",
            "{\"name\":\"" + unique("off") + "\",\"address\":\"203.0.113.6\",\"is_active\":false}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"is_active\":false").contains("\"agent_port\":9100");
  }

  @Test
  void badInputGetsAClearErrorAndChangesNothing() {
    int before = count();
    HttpResponse<String> invalid =
        admin.post("api/servers", "{\"name\":\"\",\"address\":\"http://x\",\"agent_port\":0}");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body())
        .contains("\"name\":\"Enter a name.\"")
        .contains("\"address\":\"Enter a host name or an IP address, without http:// or a port.\"")
        .contains("\"agent_port\":\"The port must be a number from 1 to 65535.\"");

    HttpResponse<String> malformed = admin.post("api/servers", "{\"name\":\"x\",");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).isEqualTo("{\"error\":\"malformed JSON body\"}");

    // Announced as too large (clients such as curl wait for 100-continue before sending a big
    // body)...
    String big =
        "{\"name\":\"big\",\"address\":\"203.0.113.1\",\"notes\":\""
            + "x".repeat(2 * 1024 * 1024)
            + "\"}";
    HttpResponse<String> oversized =
        admin.send(
            admin
                .request("api/servers")
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.body()).contains("request body over");
    // ...or found too large while reading a chunked body of unknown length.
    byte[] chunked =
        ("{\"name\":\"big\",\"address\":\"203.0.113.1\",\"notes\":\""
                + "y".repeat(1200 * 1024)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> streamed =
        admin.send(
            admin
                .request("api/servers")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(chunked))));
    assertThat(streamed.statusCode()).isEqualTo(413);

    assertThat(admin.post("api/servers", "[1,2]").statusCode()).isEqualTo(400);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aStateChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
    int before = count();
    Http noToken =
        new Http(panel.base())
            .from("203.0.113.40")
            .withSession(admin.sessionCookie().orElseThrow());
    HttpResponse<String> r =
        noToken.post("api/servers", "{\"name\":\"csrf\",\"address\":\"203.0.113.9\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("CSRF");
    HttpResponse<String> wrong =
        noToken.send(
            noToken
                .request("api/servers")
                .header("X-CSRF-Token", "forged")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"csrf\",\"address\":\"203.0.113.9\"}")));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void apiTokenWorksWithoutCsrfUntilRevoked() {
    String tokenName = unique("script");
    HttpResponse<String> page = admin.postForm("settings/tokens", "name=" + tokenName);
    assertThat(page.statusCode()).isEqualTo(200);
    Document doc = Jsoup.parse(page.body());
    String secret = doc.selectFirst("pre.secret").text();
    assertThat(secret).startsWith("fpt_");
    assertThat(admin.get("settings").body()).doesNotContain(secret);

    Http script = new Http(panel.base()).header("Authorization", "Bearer " + secret);
    String name = unique("via-token");
    assertThat(
            script
                .post("api/servers", "{\"name\":\"" + name + "\",\"address\":\"203.0.113.8\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(admin.get("audit").body()).contains("token:" + tokenName);

    Matcher id = Pattern.compile("settings/tokens/(\\d+)").matcher(page.body());
    assertThat(id.find()).isTrue();
    assertThat(admin.delete("settings/tokens/" + id.group(1)).statusCode()).isEqualTo(200);
    assertThat(script.get("api/servers").statusCode()).isEqualTo(401);
    assertThat(
            new Http(panel.base())
                .header("Authorization", "Bearer fpt_nonsense")
                .get("api/servers")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void hostileNamesAreEscapedOnThePage() {
    String name = "<script>alert(1)</script>\"'{{7*7}}" + Long.toHexString(System.nanoTime());
    String notes = "<img src=x onerror=alert(2)>";
    HttpResponse<String> r =
        admin.postForm(
            "servers",
            "name=" + enc(name) + "&address=203.0.113.77&agent_port=9100&notes=" + enc(notes));
    assertThat(r.statusCode()).isEqualTo(200);
    String html = admin.get("servers").body();
    assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("#server-table strong").eachText()).contains(name);
    assertThat(doc.select("#server-table td").eachText()).contains(notes);
    assertThat(doc.select("script").eachAttr("src"))
        .allMatch(src -> src.startsWith("webjars/") || src.startsWith("static/"));
  }

  @Test
  void formErrorsComeBackInTheFormWithTheInputKept() {
    HttpResponse<String> r =
        admin.send(
            admin
                .request("servers")
                .header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "name=ok-name&address=bad+host&agent_port=abc&notes=")));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("HX-Retarget")).contains("#add-server-form");
    Document form = Jsoup.parseBodyFragment(r.body());
    assertThat(form.select("input[name=agent_port]").attr("value")).isEqualTo("abc");
    assertThat(form.select("input[name=name]").attr("value")).isEqualTo("ok-name");
    assertThat(form.select(".field-error").eachText())
        .contains(
            "The port must be a number from 1 to 65535.",
            "Enter a host name or an IP address, without http:// or a port.");
  }

  @Test
  void htmxGetsTheFragmentAndEverythingElseTheWholePage() {
    HttpResponse<String> full = admin.get("servers");
    assertThat(full.body()).startsWith("<!DOCTYPE html>").contains("<header class=\"topbar\">");
    assertThat(full.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));

    HttpResponse<String> partial =
        admin.send(admin.request("servers").header("HX-Request", "true").GET());
    assertThat(partial.body())
        .doesNotContain("<html")
        .doesNotContain("topbar")
        .contains("id=\"server-table\"");

    HttpResponse<String> restore =
        admin.send(
            admin
                .request("servers")
                .header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true")
                .GET());
    assertThat(restore.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void inlineEditAndDeleteThroughThePage() {
    String name = unique("inline");
    admin.postForm("servers", "name=" + name + "&address=203.0.113.90&agent_port=9100");
    String id =
        Jsoup.parse(admin.get("servers").body()).select("tr[id^=server-]").stream()
            .filter(tr -> tr.text().contains(name))
            .findFirst()
            .orElseThrow()
            .id()
            .substring("server-".length());

    HttpResponse<String> editor = admin.get("servers/" + id + "/edit");
    assertThat(
            Jsoup.parseBodyFragment("<table>" + editor.body() + "</table>")
                .select("input[name=name]")
                .attr("value"))
        .isEqualTo(name);

    HttpResponse<String> dup =
        admin.send(
            admin
                .request("servers/" + id)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "name=" + name + "&address=203.0.113.91&agent_port=70000")));
    assertThat(dup.statusCode()).isEqualTo(422);
    assertThat(dup.body()).contains("The port must be a number from 1 to 65535.");

    HttpResponse<String> saved =
        admin.send(
            admin
                .request("servers/" + id)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "name=" + name + "&address=203.0.113.91&agent_port=9200")));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(admin.get("api/servers/" + id).body())
        .contains("\"address\":\"203.0.113.91\"")
        .contains("\"agent_port\":9200");

    assertThat(admin.delete("servers/" + id).statusCode()).isEqualTo(200);
    assertThat(admin.get("api/servers/" + id).statusCode()).isEqualTo(404);
    assertThat(admin.get("audit").body())
        .contains("server.update")
        .contains("server.delete")
        .contains("203.0.113.40");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
