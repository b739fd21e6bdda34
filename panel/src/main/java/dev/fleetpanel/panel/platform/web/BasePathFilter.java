package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.auth.PanelSecrets;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.i18n.Messages;
import dev.fleetpanel.panel.platform.net.ClientIp;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;

/**
 * Moves the secret uid from the request path into the base URI, so resources match {@code servers}
 * rather than {@code {uid}/servers} and every link built from the base carries the uid. The {@link
 * GateFilter} has already refused other paths. Also settles the request's language and client IP.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BasePathFilter implements ContainerRequestFilter {
  public static final String LANG_COOKIE = "fp_lang";

  @Inject PanelSecrets secrets;
  @Inject PanelConfig config;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String prefix = secrets.uid() + "/";
    URI base = request.getUriInfo().getBaseUri();
    URI newBase = base.resolve(prefix);
    request.setRequestUri(newBase, request.getUriInfo().getRequestUri());
    String ip =
        ClientIp.resolve(
            servletRequest.getRemoteAddr(),
            request.getHeaderString("X-Forwarded-For"),
            config.trustedProxies());
    request.setProperty(
        RequestInfo.ATTRIBUTE,
        new RequestInfo(
            newBase.getRawPath(), locale(request), null, new Actor("anonymous", ip), null));
  }

  private static Locale locale(ContainerRequestContext request) {
    Cookie chosen = request.getCookies().get(LANG_COOKIE);
    if (chosen != null) {
      var locale = Messages.supported(chosen.getValue());
      if (locale.isPresent()) {
        return locale.get();
      }
    }
    for (Locale wanted : request.getAcceptableLanguages()) {
      var locale = Messages.supported(wanted.toLanguageTag());
      if (locale.isPresent()) {
        return locale.get();
      }
    }
    return Locale.ENGLISH;
  }
}
