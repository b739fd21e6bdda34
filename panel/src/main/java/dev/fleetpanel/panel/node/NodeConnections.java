package dev.fleetpanel.panel.node;

import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

/**
 * Calls a server's agent: "Test connection" (its version, or why it failed), its live metrics, and
 * the replacement of its certificate.
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

  /**
   * What a certificate replacement did: the new certificate's serial and expiry, or why it failed
   * ({@code reason} as for a connection test); on failure the node keeps its current certificate.
   */
  public record Replacement(
      boolean ok, String serial, Instant notAfter, String reason, String detail) {
    static Replacement failed(String reason, String detail) {
      return new Replacement(false, null, null, reason, detail);
    }
  }

  private final NodeClient client;
  private final ServerService servers;
  private final EnrolmentService enrolment;

  public NodeConnections(NodeClient client, ServerService servers, EnrolmentService enrolment) {
    this.client = client;
    this.servers = servers;
    this.enrolment = enrolment;
  }

  /**
   * Gives the server's node a new certificate without its key leaving the node: the node makes a
   * key and answers its CSR, the panel signs it, the node installs the certificate; then the panel
   * revokes the one before (a certificate the node did not install is revoked instead).
   */
  public Replacement replaceCertificate(long serverId, Actor actor) {
    Server server = servers.get(serverId);
    NodeClient.Reply csrReply =
        client.post(server.address(), server.agentPort(), "/api/system/node-csr", "{}");
    if (!csrReply.ok()) {
      return Replacement.failed(reason(csrReply), csrReply.detail());
    }
    byte[] csr;
    try (JsonReader reader = Json.createReader(new StringReader(csrReply.body()))) {
      csr = Pem.parseCsr(reader.readObject().getString("csr_pem"));
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      return Replacement.failed("http", "the node's answer carries no certificate request");
    }
    X509Certificate issued;
    try {
      issued = enrolment.issueReplacement(serverId, csr);
    } catch (EnrolmentService.EnrolmentRefused e) {
      return Replacement.failed("http", "the node's certificate request is not valid");
    }
    String body =
        Json.createObjectBuilder().add("cert_pem", Pem.certificate(issued)).build().toString();
    NodeClient.Reply installed =
        client.post(server.address(), server.agentPort(), "/api/system/replace-node-cert", body);
    if (!installed.ok()) {
      enrolment.abandoned(serverId, issued, actor);
      return Replacement.failed(reason(installed), errorOf(installed));
    }
    enrolment.replaced(serverId, issued, actor);
    client.renewConnections();
    return new Replacement(
        true, issued.getSerialNumber().toString(16), issued.getNotAfter().toInstant(), null, null);
  }

  private static String reason(NodeClient.Reply reply) {
    return reply.failure().name().toLowerCase(Locale.ROOT);
  }

  /** The agent's own error message when it sent one, else the client's description. */
  private static String errorOf(NodeClient.Reply reply) {
    if (reply.body() != null) {
      try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
        return reply.detail() + ": " + reader.readObject().getString("error");
      } catch (JsonException | ClassCastException | NullPointerException e) {
        return reply.detail();
      }
    }
    return reply.detail();
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
          false, null, null, reply.latencyMillis(), reason(reply), reply.detail());
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
