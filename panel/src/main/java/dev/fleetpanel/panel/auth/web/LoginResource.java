package dev.fleetpanel.panel.auth.web;

import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.AuthService.LoginResult;
import dev.fleetpanel.panel.platform.web.Htmx;
import dev.fleetpanel.panel.platform.web.Public;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.SessionCookies;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The login page and the browser's login and logout. */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {
  @Inject AuthService auth;
  @Inject SessionCookies cookies;
  @Context HttpServletRequest request;
  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;

  @GET
  @Path("login")
  @Public
  public Response page() {
    RequestInfo info = RequestInfo.of(request);
    if (info.session() != null) {
      return Response.seeOther(URI.create(info.base() + "dashboard")).build();
    }
    return Response.ok(View.page("auth/login")).build();
  }

  @POST
  @Path("login")
  @Public
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response login(@FormParam("password") String password) {
    RequestInfo info = RequestInfo.of(request);
    LoginResult result = auth.login(password == null ? "" : password, info.actor().ip());
    if (result instanceof LoginResult.Success ok) {
      String next = info.base() + "dashboard";
      Response.ResponseBuilder response =
          Htmx.isHtmx(headers::getHeaderString)
              ? Response.ok().header("HX-Redirect", next)
              : Response.seeOther(URI.create(next));
      return response
          .cookie(cookies.issue(ok.session(), info.base(), uriInfo.getRequestUri()))
          .build();
    }
    View view = View.page("auth/login", "form");
    if (result instanceof LoginResult.Banned banned) {
      view.with("error", "login.banned")
          .with("retryMinutes", (banned.retryAfterSeconds() + 59) / 60);
      return Response.status(429)
          .header("Retry-After", banned.retryAfterSeconds())
          .entity(view)
          .build();
    }
    view.with("error", "login.wrong")
        .with("attemptsLeft", ((LoginResult.WrongPassword) result).attemptsLeft());
    return Response.status(401).entity(view).build();
  }

  @POST
  @Path("logout")
  @Public
  public Response logout() {
    RequestInfo info = RequestInfo.of(request);
    if (info.session() != null) {
      auth.logout(info.session(), info.actor());
    }
    String next = info.base() + "login";
    Response.ResponseBuilder response =
        Htmx.isHtmx(headers::getHeaderString)
            ? Response.ok().header("HX-Redirect", next)
            : Response.seeOther(URI.create(next));
    return response.cookie(cookies.clear(info.base(), uriInfo.getRequestUri())).build();
  }
}
