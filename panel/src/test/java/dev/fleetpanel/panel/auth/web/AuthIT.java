package dev.fleetpanel.panel.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login, sessions and bans through the running war. Each test uses its own client IP via the
 * trusted proxy.
 */
class AuthIT {
  static PanelServer panel;

  @BeforeAll
  static void start() {
    panel = PanelServer.shared();
  }

  private static Http client(String ip) {
    return new Http(panel.base()).from(ip);
  }

  @Test
  void loginSetsAHardenedSessionCookieAndReturnsTheCsrfToken() {
    Http http = client("203.0.113.11");
    HttpResponse<String> r = http.login("  " + PanelServer.PASSWORD + "  ");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"success\":true").contains("\"csrf_token\":\"");
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("fp_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("Secure")
        .contains("SameSite=Strict")
        .contains("Path=/" + PanelServer.UID + "/");
    assertThat(http.get("api/auth/check").body()).contains("\"authenticated\":true");
  }

  @Test
  void wrongPasswordSaysHowManyAttemptsAreLeft() {
    HttpResponse<String> r = client("203.0.113.12").login("wrong");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"attempts_left\":4");
  }

  @Test
  void malformedLoginBodyIs400() {
    Http http = client("203.0.113.13");
    assertThat(http.post("api/auth/login", "{\"password\":").statusCode()).isEqualTo(400);
    assertThat(http.post("api/auth/login", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void fiveFailuresBanTheIpAcrossARestartUntilCleared() {
    Http attacker = client("203.0.113.66");
    for (int i = 0; i < 4; i++) {
      assertThat(attacker.login("wrong-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> fifth = attacker.login("wrong-5");
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
    assertThat(attacker.login(PanelServer.PASSWORD).statusCode()).isEqualTo(429);
    assertThat(attacker.get("api/auth/ban-status").body())
        .contains("\"banned\":true")
        .contains("\"ip\":\"203.0.113.66\"");
    assertThat(client("203.0.113.67").login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);

    panel.restart();

    assertThat(attacker.login(PanelServer.PASSWORD).statusCode()).isEqualTo(429);
    Http admin = client("203.0.113.68");
    admin.login(PanelServer.PASSWORD);
    assertThat(
            admin
                .withoutCsrf()
                .post("api/auth/clear-ban", "{\"ip\":\"203.0.113.66\"}")
                .statusCode())
        .isEqualTo(403);
    admin.login(PanelServer.PASSWORD);
    HttpResponse<String> cleared = admin.post("api/auth/clear-ban", "{\"ip\":\"203.0.113.66\"}");
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(cleared.body()).contains("\"cleared\":true");
    assertThat(attacker.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(admin.get("audit").body()).contains("auth.ban").contains("auth.clear_ban");
  }

  @Test
  void clearBanNeedsAuthentication() {
    assertThat(client("203.0.113.14").post("api/auth/clear-ban", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void forwardedForIsIgnoredFromAnUntrustedPeer() {
    // The direct peer here is the trusted 127.0.0.1, so the right-most forwarded hop counts...
    Http http = client("198.51.100.1, 203.0.113.15");
    assertThat(http.get("api/auth/ban-status").body()).contains("\"ip\":\"203.0.113.15\"");
  }

  @Test
  void logoutEndsTheSessionEvenForACopiedCookie() {
    Http http = client("203.0.113.16");
    http.login(PanelServer.PASSWORD);
    String cookie = http.sessionCookie().orElseThrow();
    assertThat(http.post("api/auth/logout", "").statusCode()).isEqualTo(200);
    Http copy = client("203.0.113.16").withSession(cookie);
    assertThat(copy.get("api/auth/check").statusCode()).isEqualTo(401);
  }

  @Test
  void changingThePasswordEndsEveryOtherSession() {
    Http me = client("203.0.113.17");
    Http other = client("203.0.113.18");
    me.login(PanelServer.PASSWORD);
    other.login(PanelServer.PASSWORD);
    try {
      HttpResponse<String> refused =
          me.postForm(
              "settings/password",
              "current_password=wrong&new_password=another-password-2&confirm_password=another-password-2");
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("The current password is wrong.");

      HttpResponse<String> changed =
          me.postForm(
              "settings/password",
              "current_password="
                  + PanelServer.PASSWORD
                  + "&new_password=another-password-2&confirm_password=another-password-2");
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(other.get("api/auth/check").statusCode()).isEqualTo(401);
      assertThat(me.get("api/auth/check").statusCode()).isEqualTo(200);
      assertThat(client("203.0.113.19").login(PanelServer.PASSWORD).statusCode()).isEqualTo(401);
    } finally {
      HttpResponse<String> back =
          me.postForm(
              "settings/password",
              "current_password=another-password-2&new_password="
                  + PanelServer.PASSWORD
                  + "&confirm_password="
                  + PanelServer.PASSWORD);
      assertThat(back.statusCode()).isEqualTo(200);
    }
  }
}
