package dev.fleetpanel.panel.settings.web;

import dev.fleetpanel.panel.auth.ApiTokenService;
import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.Session;
import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.metrics.CollectorSettings;
import dev.fleetpanel.panel.metrics.ScrapeToken;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.web.ErrorMapper;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.SessionCookies;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The Settings page: collection, the dashboard's attention thresholds, the Prometheus scrape token,
 * API tokens and the admin password. The collector's form is here; the dashboard's and the scrape
 * token's have resources of their own.
 */
@Path("settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {
  private static final String TEMPLATE = "settings/page";

  @Inject ApiTokenService tokens;
  @Inject AuthService auth;
  @Inject CollectorSettings collector;
  @Inject DashboardSettings dashboard;
  @Inject ScrapeToken scrapeToken;
  @Inject SessionCookies cookies;
  @Context HttpServletRequest request;
  @Context UriInfo uriInfo;

  @GET
  public View page() {
    return withTokens(View.page(TEMPLATE, "content"))
        .with("errors", Map.of())
        .with("collectorErrors", Map.of())
        .with("intervalSeconds", collector.intervalSeconds())
        .with("offlinePolls", collector.offlineAfterPolls())
        .with("dashboardErrors", Map.of())
        .with("limits", DashboardSettingsResource.form(dashboard.thresholds()))
        .with("scrapeConfigured", scrapeToken.configured())
        .with("scrapeConfig", ScrapeTokenResource.config(RequestInfo.of(request).base(), null));
  }

  /** The poll interval and the missed polls before offline, applied at the next cycle. */
  @POST
  @Path("collector")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setCollector(
      @FormParam("interval_seconds") String interval,
      @FormParam("offline_after_polls") String polls) {
    View view = View.fragment(TEMPLATE, "collector");
    FormNumbers numbers = new FormNumbers();
    int seconds =
        numbers.read(
            "interval_seconds", interval, CollectorSettings.INTERVAL, "collector.interval.invalid");
    int missed =
        numbers.read(
            "offline_after_polls",
            polls == null ? Integer.toString(collector.offlineAfterPolls()) : polls,
            CollectorSettings.OFFLINE_POLLS,
            "collector.offline.invalid");
    if (!numbers.errors().isEmpty()) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(
              view.with("intervalSeconds", interval)
                  .with("offlinePolls", polls)
                  .with("collectorErrors", numbers.errors()))
          .build();
    }
    collector.update(seconds, missed, RequestInfo.of(request).actor());
    return Response.ok(
            view.with("intervalSeconds", collector.intervalSeconds())
                .with("offlinePolls", collector.offlineAfterPolls())
                .with("collectorErrors", Map.of())
                .with("saved", true))
        .build();
  }

  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createToken(@FormParam("name") String name) {
    try {
      ApiTokenService.Created created = tokens.create(name, RequestInfo.of(request).actor());
      return Response.ok(
              withTokens(View.fragment(TEMPLATE, "tokens"))
                  .with("newSecret", created.secret())
                  .with("newName", created.token().name()))
          .build();
    } catch (InvalidInputException e) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(
              withTokens(View.fragment(TEMPLATE, "tokens"))
                  .with("tokenError", "token.name.invalid"))
          .build();
    }
  }

  @DELETE
  @Path("tokens/{id}")
  public View revokeToken(@PathParam("id") long id) {
    tokens.revoke(id, RequestInfo.of(request).actor());
    return withTokens(View.fragment(TEMPLATE, "tokens"));
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(
      @FormParam("current_password") String current,
      @FormParam("new_password") String next,
      @FormParam("confirm_password") String confirm) {
    RequestInfo info = RequestInfo.of(request);
    View view = View.fragment(TEMPLATE, "password-form");
    if (info.session() == null) {
      return Response.status(403)
          .entity(view.with("errors", Map.of("current_password", "password.session.only")))
          .build();
    }
    if (next == null || !next.strip().equals(confirm == null ? "" : confirm.strip())) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(view.with("errors", Map.of("confirm_password", "password.confirm.mismatch")))
          .build();
    }
    try {
      Session renewed = auth.changePassword(info.session(), current, next, info.actor());
      return Response.ok(view.with("errors", Map.of()).with("changed", true))
          .cookie(cookies.issue(renewed, info.base(), uriInfo.getRequestUri()))
          .build();
    } catch (InvalidInputException e) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(view.with("errors", e.errors()))
          .build();
    }
  }

  private View withTokens(View view) {
    return view.with("tokens", tokens.list().stream().map(TokenRow::of).toList());
  }
}
