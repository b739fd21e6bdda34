package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST servers/{id}/test}: the "Test" button's result in the server's row. */
@Path("servers/{id}/test")
public class ConnectionTestPageResource {
  @Inject NodeConnections connections;

  @POST
  @Produces(MediaType.TEXT_HTML)
  public View test(@PathParam("id") long id) {
    return View.fragment("node/test", "result")
        .with("serverId", id)
        .with("test", connections.test(id));
  }
}
