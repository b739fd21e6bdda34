package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.auth.ApiTokenService;
import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.Session;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling: a browser session (JWT cookie) or a script ({@code Authorization: Bearer} API
 * token). Anything not marked {@link Public} needs one of them: API paths answer 401, pages
 * redirect to the login page. A session whose idle expiry is due for renewal gets a fresh cookie on
 * the response.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String RENEWED = "fleetpanel.renewed-session";

  @Inject AuthService auth;
  @Inject ApiTokenService apiTokens;
  @Inject SessionCookies cookies;
  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    RequestInfo info = RequestInfo.of(request);
    String ip = info.actor().ip();
    // A public resource checks a bearer itself, if it wants one (the scrape token of /metrics).
    Optional<String> bearer =
        isPublic() ? Optional.empty() : bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (bearer.isPresent()) {
      Optional<String> token = apiTokens.authenticate(bearer.get());
      if (token.isEmpty()) {
        request.abortWith(json(401, "invalid or revoked API token"));
        return;
      }
      request.setProperty(
          RequestInfo.ATTRIBUTE,
          info.withCaller(null, new Actor("token:" + token.get(), ip), null));
      return;
    }
    Cookie cookie = request.getCookies().get(SessionCookies.NAME);
    Optional<Session> session = cookie == null ? Optional.empty() : auth.verify(cookie.getValue());
    if (session.isPresent()) {
      Session current = session.get();
      auth.renewIfDue(current).ifPresent(renewed -> request.setProperty(RENEWED, renewed));
      request.setProperty(
          RequestInfo.ATTRIBUTE,
          info.withCaller(current, new Actor("admin", ip), auth.csrfToken(current)));
      return;
    }
    if (isPublic()) {
      return;
    }
    if (request.getUriInfo().getPath().startsWith("api/")) {
      request.abortWith(json(401, "authentication required"));
    } else if (Htmx.isHtmx(request::getHeaderString)) {
      request.abortWith(Response.status(401).header("HX-Redirect", info.base() + "login").build());
    } else {
      request.abortWith(Response.seeOther(URI.create(info.base() + "login")).build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object renewed = request.getProperty(RENEWED);
    // A response that sets the session cookie itself (login, logout, password change) wins.
    if (renewed instanceof Session session
        && !response.getCookies().containsKey(SessionCookies.NAME)) {
      response
          .getHeaders()
          .add(
              HttpHeaders.SET_COOKIE,
              cookies.issue(
                  session, RequestInfo.of(request).base(), request.getUriInfo().getRequestUri()));
    }
  }

  private boolean isPublic() {
    return Public.Check.isPublic(resourceInfo);
  }

  /** The token of an {@code Authorization: Bearer} header, if that is what it is. */
  public static Optional<String> bearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? Optional.of(authorization.substring(7).strip())
        : Optional.empty();
  }

  /** A JSON error answer, {@code {"error": ...}}, as every API answer gives one. */
  public static Response json(int status, String error) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", error))
        .build();
  }
}
