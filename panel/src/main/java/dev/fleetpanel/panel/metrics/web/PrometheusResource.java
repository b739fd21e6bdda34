package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.node.prometheus.PromFamily;
import dev.fleetpanel.panel.metrics.PrometheusExport;
import dev.fleetpanel.panel.metrics.ScrapeToken;
import dev.fleetpanel.panel.platform.web.AuthFilter;
import dev.fleetpanel.panel.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /{uid}/metrics} with {@code Authorization: Bearer <scrape token>}: every monitored
 * server's latest sample in the Prometheus text format. Public to the session check (Prometheus has
 * no session), guarded by the scrape token made on the Settings page instead: 401 without it or
 * with a wrong one, 404 while none is made.
 */
@Path("metrics")
@Public
public class PrometheusResource {
  @Inject PrometheusExport export;
  @Inject ScrapeToken token;

  @GET
  public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    if (!token.configured()) {
      return AuthFilter.json(404, "no scrape token: make one on the Settings page");
    }
    if (!token.matches(AuthFilter.bearer(authorization).orElse(null))) {
      return Response.fromResponse(AuthFilter.json(401, "the scrape token is missing or wrong"))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fleetpanel-metrics\"")
          .build();
    }
    return Response.ok(export.write(), PromFamily.CONTENT_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
