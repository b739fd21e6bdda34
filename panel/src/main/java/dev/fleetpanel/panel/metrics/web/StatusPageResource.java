package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.FleetState;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET servers/status}: every server's collection status as out-of-band fragments, swapped
 * into the Servers page's rows. (A class of its own: under {@code servers} the servers resource
 * would take the path for a server id.)
 */
@Path("servers/status")
public class StatusPageResource {
  @Inject FleetState fleet;
  @Inject ServerService servers;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public View fragments() {
    return View.fragment("metrics/status", "statuses")
        .with(
            "statuses",
            fleet.statuses(servers.list().stream().map(Server::id).toList()).stream()
                .map(StatusRow::of)
                .toList());
  }
}
