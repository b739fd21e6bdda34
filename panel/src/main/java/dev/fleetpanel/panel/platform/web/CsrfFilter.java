package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.auth.Secrets;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A state-changing request made with a browser session must carry the session's CSRF token in
 * {@code X-CSRF-Token} (htmx sends it from the page's meta tag). API-token calls carry no cookie
 * and need none, and neither do {@link Public} endpoints (logging in again must work with a stale
 * session cookie).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CsrfFilter implements ContainerRequestFilter {
  public static final String HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    RequestInfo info = RequestInfo.of(request);
    if (SAFE.contains(request.getMethod()) || info.session() == null || isPublic()) {
      return;
    }
    if (!Secrets.constantTimeEquals(info.csrfToken(), request.getHeaderString(HEADER))) {
      request.abortWith(AuthFilter.json(403, "missing or invalid CSRF token"));
    }
  }

  private boolean isPublic() {
    return Public.Check.isPublic(resourceInfo);
  }
}
