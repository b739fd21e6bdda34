package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.FleetState;
import dev.fleetpanel.panel.metrics.NodeStatus;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code GET api/proxy/{id}/metrics}: the node's latest {@code /api/metrics} document the panel
 * holds, unchanged, with {@code X-Collected-At} (the panel's time of collection) and {@code
 * X-Node-Status}; 503 when there is none yet.
 */
@Path("api/proxy/{id}/metrics")
public class LatestMetricsResource {
  @Inject FleetState fleet;
  @Inject ServerService servers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response latest(@PathParam("id") long id) {
    servers.get(id);
    NodeStatus status = fleet.status(id);
    if (status.latestDocument() == null) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .entity(
              Map.of(
                  "error", "no sample of this server yet", "status", StatusRow.of(status).state()))
          .build();
    }
    return Response.ok(status.latestDocument(), MediaType.APPLICATION_JSON_TYPE)
        .header("X-Collected-At", status.lastSampleAt().toString())
        .header("X-Node-Status", StatusRow.of(status).state())
        .build();
  }
}
