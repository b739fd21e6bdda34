package dev.fleetpanel.panel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The secret-path gate of the running war: nothing outside /{uid}/ answers, and nothing names the
 * runtime.
 */
class GateIT {
  static PanelServer panel;
  static Http http;

  @BeforeAll
  static void start() {
    panel = PanelServer.shared();
    http = new Http(panel.base());
  }

  private static void assertEmpty404(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Server")).isEmpty();
    assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/login",
        "/api/auth/login",
        "/static/app.css",
        "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
        "/0123456789abcdef01234568/login",
        "/0123456789abcdef0123456/login",
        "/0123456789abcdef012345678/login",
        "/0123456789ABCDEF01234567/login",
        "/health",
        "/metrics",
        "/openapi",
        "/asadmin",
        "/WEB-INF/web.xml"
      })
  void everyOtherPathGetsAnEmpty404ThatNamesNothing(String path) {
    assertEmpty404(http.get(panel.origin() + path));
  }

  @Test
  void wrongUidOnAPostIsRefusedTheSameWay() {
    assertEmpty404(
        http.post(
            panel.origin() + "/0123456789abcdef01234568/api/auth/login", "{\"password\":\"x\"}"));
  }

  @Test
  void uidWithoutSlashRedirectsIntoThePanel() {
    HttpResponse<String> r = http.get(panel.origin() + "/" + PanelServer.UID);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/" + PanelServer.UID + "/"));
  }

  @Test
  void pagesCarryTheSecurityHeaders() {
    HttpResponse<String> r = http.get("login");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(r.headers().firstValue("Server")).isEmpty();
    assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    assertThat(r.body()).contains("<base href=\"/" + PanelServer.UID + "/\">");
  }

  @Test
  void staticFilesAndWebjarsAreServedUnderTheUid() {
    HttpResponse<String> css = http.get("static/app.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    HttpResponse<String> htmx =
        http.get("webjars/htmx.org/" + BuildInfo.CURRENT.htmx() + "/dist/htmx.min.js");
    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.body()).contains("htmx");
    assertThat(http.get("static/../WEB-INF/web.xml").statusCode()).isEqualTo(404);
    assertThat(http.get("static/nothing.css").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownPathsUnderTheUidDoNotNameTheRuntime() {
    for (String path : new String[] {"nothing-here", "api/nothing-here"}) {
      HttpResponse<String> r = http.get(path);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body())
          .doesNotContainIgnoringCase("payara")
          .doesNotContainIgnoringCase("glassfish")
          .doesNotContainIgnoringCase("grizzly")
          .doesNotContainIgnoringCase("jersey");
      assertThat(r.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void withoutASessionPagesGoToLoginAndTheApiAnswers401() {
    HttpResponse<String> page = http.get("servers");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location").orElseThrow())
        .endsWith("/" + PanelServer.UID + "/login");
    HttpResponse<String> api = http.get("api/servers");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).isEqualTo("{\"error\":\"authentication required\"}");
  }

  @Test
  void thePanelListensOnLoopbackOnly() throws Exception {
    java.util.List<java.net.InetAddress> external =
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
            .filter(
                n -> {
                  try {
                    return n.isUp() && !n.isLoopback();
                  } catch (java.net.SocketException e) {
                    return false;
                  }
                })
            .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
            .filter(a -> a instanceof java.net.Inet4Address)
            .toList();
    org.junit.jupiter.api.Assumptions.assumeFalse(
        external.isEmpty(), "this machine has no non-loopback IPv4 address");
    for (java.net.InetAddress address : external) {
      try (java.net.Socket socket = new java.net.Socket()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> socket.connect(new java.net.InetSocketAddress(address, panel.port()), 2000))
            .as("connecting to %s:%d", address, panel.port())
            .isInstanceOf(java.io.IOException.class);
      }
    }
  }
}
