package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.NodeDocumentParser;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.node.NodeConnections;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET api/proxy/{id}/metrics/live}: asks the node now and returns its {@code /api/metrics}
 * document unchanged; 502 with the reason when the node cannot be reached or answers something else
 * than the agent's metrics (reason {@code garbage}).
 */
@Path("api/proxy/{id}/metrics/live")
public class LiveMetricsResource {
  @Inject NodeConnections connections;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response live(@PathParam("id") long id) {
    NodeClient.Reply reply = connections.liveMetrics(id);
    if (!reply.ok()) {
      return badGateway(reply.detail(), reply.failure().name().toLowerCase(Locale.ROOT));
    }
    try {
      NodeDocumentParser.read(reply);
    } catch (NodeDocumentParser.NotAMetricsDocument e) {
      return badGateway(e.getMessage(), "garbage");
    }
    return Response.ok(reply.body(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response badGateway(String message, String reason) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", message);
    error.put("reason", reason);
    return Response.status(Response.Status.BAD_GATEWAY).entity(error).build();
  }
}
