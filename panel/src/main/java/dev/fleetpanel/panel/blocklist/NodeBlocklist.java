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
    try {
      return new Status(fetch(server), null);
    } catch (NodeUnavailableException e) {
      return new Status(null, e.getMessage());
    }
  }

  /** The node's status document; the exception says why there is none. */
  JsonObject fetch(Server server) throws NodeUnavailableException {
    return BlocklistTarget.json(
        client.exchange(
            server.address(),
            server.agentPort(),
            "GET",
            "/" + BlocklistApi.PATH + "/status",
            null,
            false,
            NodeClient.TOTAL_TIMEOUT));
  }
}
