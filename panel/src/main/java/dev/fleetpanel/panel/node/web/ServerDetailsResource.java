package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.Locale;

/**
 * The server details page ({@code servers/{id}/details}): the live state fetched from the node now,
 * or why it could not be fetched. (History charts come with the collection of samples.)
 */
@Path("servers/{id}/details")
public class ServerDetailsResource {
  @Inject NodeConnections connections;
  @Inject ServerService servers;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public View details(@PathParam("id") long id) {
    Server server = servers.get(id);
    View view =
        View.page("node/details", "content")
            .with("serverId", server.id())
            .with("serverName", server.name())
            .with("serverAddress", server.address() + ":" + server.agentPort());
    NodeClient.Reply reply = connections.liveMetrics(id);
    if (!reply.ok()) {
      return view.with("failure", reply.failure().name().toLowerCase(Locale.ROOT))
          .with("detail", reply.detail());
    }
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      return view.with("node", NodeStatusView.of(reader.readObject()))
          .with("latency", reply.latencyMillis());
    } catch (JsonException | IllegalStateException e) {
      return view.with("failure", "http")
          .with("detail", "the node's answer is not the agent's JSON");
    }
  }
}
