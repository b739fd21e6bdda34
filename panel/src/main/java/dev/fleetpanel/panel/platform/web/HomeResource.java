package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.platform.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** The panel's root (goes to the dashboard) and the language switch. */
@Path("")
public class HomeResource {
  @Context HttpServletRequest request;

  @GET
  public Response home() {
    return Response.seeOther(URI.create(RequestInfo.of(request).base() + "dashboard")).build();
  }

  /**
   * Remembers the chosen language in a cookie for a year and goes back to {@code to}, a page of the
   * panel (only simple relative paths are accepted, so this cannot redirect elsewhere).
   */
  @GET
  @Path("lang/{code}")
  @Public
  public Response language(@PathParam("code") String code, @QueryParam("to") String to) {
    RequestInfo info = RequestInfo.of(request);
    Locale locale = Messages.supported(code).orElse(Locale.ENGLISH);
    String back = to != null && to.matches("[a-z][a-z0-9/-]{0,60}") ? to : "dashboard";
    NewCookie cookie =
        new NewCookie.Builder(BasePathFilter.LANG_COOKIE)
            .value(locale.getLanguage())
            .path(info.base())
            .maxAge(365 * 24 * 3600)
            .sameSite(NewCookie.SameSite.LAX)
            .httpOnly(true)
            .build();
    return Response.seeOther(URI.create(info.base() + back)).cookie(cookie).build();
  }
}
