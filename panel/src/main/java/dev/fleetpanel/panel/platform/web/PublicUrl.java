package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.net.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The panel's address as a node or a person outside reaches it, with the secret path: {@code
 * FLEETPANEL_PUBLIC_URL} when set; otherwise the request's own, with the scheme and host a trusted
 * proxy forwarded (nginx terminates TLS, so the panel itself only sees plain http).
 */
public final class PublicUrl {
  private PublicUrl() {}

  public static URI of(PanelConfig config, HttpServletRequest request, UriInfo uriInfo) {
    String path = RequestInfo.of(request).base();
    if (config.publicUrl().isPresent()) {
      return URI.create(config.publicUrl().get() + path);
    }
    URI base = uriInfo.getBaseUri();
    String proto = request.getHeader("X-Forwarded-Proto");
    String host = request.getHeader("X-Forwarded-Host");
    if (ClientIp.isTrustedProxy(request.getRemoteAddr(), config.trustedProxies())
        && proto != null
        && proto.matches("https?")
        && host != null
        && host.matches("[A-Za-z0-9.:\\[\\]-]{1,260}")) {
      return URI.create(proto + "://" + host + path);
    }
    return base;
  }
}
