package dev.fleetpanel.panel.auth.web;

import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.AuthService.LoginResult;
import dev.fleetpanel.panel.auth.LoginBans;
import dev.fleetpanel.panel.platform.web.Public;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.SessionCookies;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed's JSON auth endpoints: login, logout, check, ban status and clearing a ban. */
@Path("api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  /** {@code POST api/auth/login} body. */
  public record LoginRequest(String password) {}

  /** {@code POST api/auth/clear-ban} body; without an ip the caller's own ban is cleared. */
  public record ClearBanRequest(String ip) {}

  @Inject AuthService auth;
  @Inject SessionCookies cookies;
  @Context HttpServletRequest request;
  @Context UriInfo uriInfo;

  @POST
  @Path("login")
  @Public
  @Consumes(MediaType.APPLICATION_JSON)
  public Response login(LoginRequest body) {
    if (body == null || body.password() == null) {
      throw new BadRequestException("password is required");
    }
    RequestInfo info = RequestInfo.of(request);
    LoginResult result = auth.login(body.password(), info.actor().ip());
    if (result instanceof LoginResult.Success ok) {
      return Response.ok(Map.of("success", true, "csrf_token", auth.csrfToken(ok.session())))
          .cookie(cookies.issue(ok.session(), info.base(), uriInfo.getRequestUri()))
          .build();
    }
    if (result instanceof LoginResult.Banned banned) {
      return Response.status(429)
          .header("Retry-After", banned.retryAfterSeconds())
          .entity(
              Map.of(
                  "error",
                  "too many failed logins from this IP; try again later",
                  "retry_after",
                  banned.retryAfterSeconds()))
          .build();
    }
    LoginResult.WrongPassword wrong = (LoginResult.WrongPassword) result;
    return Response.status(401)
        .entity(Map.of("error", "wrong password", "attempts_left", wrong.attemptsLeft()))
        .build();
  }

  @POST
  @Path("logout")
  @Public
  public Response logout() {
    RequestInfo info = RequestInfo.of(request);
    if (info.session() != null) {
      auth.logout(info.session(), info.actor());
    }
    return Response.ok(Map.of("success", true))
        .cookie(cookies.clear(info.base(), uriInfo.getRequestUri()))
        .build();
  }

  @GET
  @Path("check")
  public Map<String, Object> check() {
    RequestInfo info = RequestInfo.of(request);
    return Map.of("authenticated", true, "via", info.session() != null ? "session" : "token");
  }

  @GET
  @Path("ban-status")
  @Public
  public Map<String, Object> banStatus() {
    return status(auth.bans().status(RequestInfo.of(request).actor().ip()));
  }

  @POST
  @Path("clear-ban")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> clearBan(ClearBanRequest body) {
    RequestInfo info = RequestInfo.of(request);
    String ip =
        body == null || body.ip() == null || body.ip().isBlank()
            ? info.actor().ip()
            : body.ip().strip();
    boolean cleared = auth.clearBan(ip, info.actor());
    return Map.of("ip", ip, "cleared", cleared);
  }

  static Map<String, Object> status(LoginBans.Status status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ip", status.ip());
    out.put("banned", status.banned());
    out.put("remaining_seconds", status.remainingSeconds());
    out.put("attempts", status.attempts());
    out.put("max_attempts", LoginBans.MAX_ATTEMPTS);
    return out;
  }
}
