package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.nodesync.NodeUnavailableException;
import dev.fleetpanel.panel.server.Server;
import jakarta.json.JsonObject;

/**
 * A node's blocklist as it reports it now ({@code /api/ipset/status}), for the page and the API.
 */
public final class NodeBlocklist {

  /** The node's status document, or why it could not be asked. */
  public record Status(JsonObject node, String error) {}

  private final NodeClient client;

  public NodeBlocklist(NodeClient client) {
    this.client = client;
  }

  public Status status(Server server) {
    NodeClient.Reply reply =
        client.exchange(
            server.address(),
            server.agentPort(),
            "GET",
            "/" + BlocklistApi.PATH + "/status",
            null,
            false,
            NodeClient.TOTAL_TIMEOUT);
    try {
      return new Status(BlocklistTarget.json(reply), null);
    } catch (NodeUnavailableException e) {
      return new Status(null, e.getMessage());
    }
  }
}
