package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.Session;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The session cookie: httpOnly, SameSite=Strict, scoped to the secret path, Secure except
 * plain-http localhost in dev.
 */
@ApplicationScoped
public class SessionCookies {
  public static final String NAME = "fp_session";
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  @Inject AuthService auth;
  @Inject PanelConfig config;

  public NewCookie issue(Session session, String base, URI requestUri) {
    long maxAge = Math.max(0, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
    return build(auth.encode(session), (int) maxAge, base, requestUri);
  }

  public NewCookie clear(String base, URI requestUri) {
    return build("", 0, base, requestUri);
  }

  private NewCookie build(String value, int maxAge, String base, URI requestUri) {
    String host = requestUri.getHost();
    boolean plainLocalDev =
        config.devMode()
            && "http".equals(requestUri.getScheme())
            && host != null
            && LOOPBACK.contains(host);
    return new NewCookie.Builder(NAME)
        .value(value)
        .path(base)
        .httpOnly(true)
        .secure(!plainLocalDev)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
