package dev.fleetpanel.panel.node;

import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Locale;

/**
 * Calls a server's agent: "Test connection" (its version, or why it failed) and its live metrics.
 */
public final class NodeConnections {
  /**
   * What a connection test found: the agent's version and the round trip, or why it failed ({@code
   * reason} is one of dns, refused, tls, capability, timeout, http, network).
   */
  public record ConnectionTest(
      boolean ok,
      String version,
      String nodeName,
      long latencyMillis,
      String reason,
      String detail) {}

  private final NodeClient client;
  private final ServerService servers;

  public NodeConnections(NodeClient client, ServerService servers) {
    this.client = client;
    this.servers = servers;
  }

  /** The node's {@code /api/metrics} document, asked for now (the seed's {@code metrics/live}). */
  public NodeClient.Reply liveMetrics(long serverId) {
    Server server = servers.get(serverId);
    return client.get(server.address(), server.agentPort(), "/api/metrics");
  }

  public ConnectionTest test(long serverId) {
    Server server = servers.get(serverId);
    NodeClient.Reply reply = client.get(server.address(), server.agentPort(), "/api/version");
    if (!reply.ok()) {
      return new ConnectionTest(
          false,
          null,
          null,
          reply.latencyMillis(),
          reply.failure().name().toLowerCase(Locale.ROOT),
          reply.detail());
    }
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      JsonObject version = reader.readObject();
      return new ConnectionTest(
          true,
          version.getString("version", null),
          version.getString("node_name", null),
          reply.latencyMillis(),
          null,
          null);
    } catch (JsonException | ClassCastException e) {
      return new ConnectionTest(
          false,
          null,
          null,
          reply.latencyMillis(),
          "http",
          "the node's answer is not the agent's JSON");
    }
  }
}
