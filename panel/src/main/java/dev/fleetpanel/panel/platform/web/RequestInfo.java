package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.auth.Session;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;

/**
 * What the filters learned about a request, for resources and views: the base path (with the secret
 * uid), the language, and who is calling (a browser session, an API token, or nobody yet).
 *
 * @param session the browser session, null for API tokens and anonymous callers
 * @param actor who is calling; {@code anonymous} before login
 * @param csrfToken the session's CSRF token, null without a session
 */
public record RequestInfo(
    String base, Locale locale, Session session, Actor actor, String csrfToken) {
  public static final String ATTRIBUTE = "fleetpanel.request";

  public static RequestInfo of(ContainerRequestContext request) {
    return (RequestInfo) request.getProperty(ATTRIBUTE);
  }

  public static RequestInfo of(jakarta.servlet.http.HttpServletRequest request) {
    return (RequestInfo) request.getAttribute(ATTRIBUTE);
  }

  public boolean authenticated() {
    return !actor.name().equals("anonymous");
  }

  RequestInfo withCaller(Session session, Actor actor, String csrfToken) {
    return new RequestInfo(base, locale, session, actor, csrfToken);
  }
}
