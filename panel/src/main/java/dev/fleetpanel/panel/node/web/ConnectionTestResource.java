package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.node.NodeConnections.ConnectionTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST api/servers/{id}/test}, the seed's "Test connection": the agent's version and the
 * round trip, or the exact reason it failed (dns, refused, tls, capability, timeout, http).
 */
@Path("api/servers/{id}/test")
public class ConnectionTestResource {
  @Inject NodeConnections connections;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> test(@PathParam("id") long id) {
    ConnectionTest result = connections.test(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", result.ok());
    out.put("version", result.version());
    out.put("node_name", result.nodeName());
    out.put("latency_ms", result.latencyMillis());
    out.put("reason", result.reason());
    out.put("error", result.detail());
    return out;
  }
}
