package dev.fleetpanel.panel.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A node for the panel's tests: the JDK's HTTPS server with the node's enrolled certificate and a
 * client certificate required, answering {@code /api/metrics} with the agent's golden document (its
 * time, boot id and counters replaced), or misbehaving as told.
 */
public final class FakeNode implements AutoCloseable {

  public enum Behaviour {
    NORMAL,
    HANGING,
    HTML,
    JSON_AS_TEXT
  }

  private static final String GOLDEN_TIME = "\"timestamp\": \"2026-01-01T12:00:00Z\"";
  private static final String GOLDEN_BOOT = "3f2b9c1e-8d4a-4f6b-9e2d-7c1a5b8e0f42";
  private static final String GOLDEN_RX = "\"rx_bytes\": 1009181586292";
  private static final String GOLDEN_CPU = "\"usage_percent\": 0.0,";
  private static final Path GOLDEN =
      Path.of(System.getProperty("fleetpanel.root", ".."))
          .resolve("node-api/agent/src/test/resources/golden/metrics-root1.json");

  private final HttpsServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final String golden;
  public volatile Behaviour behaviour = Behaviour.NORMAL;
  public volatile Instant nodeTime = Instant.now();
  public volatile String bootId = GOLDEN_BOOT;
  public volatile long rxBytes = 1_000_000;
  public volatile double cpuPercent = 0.0;

  public FakeNode(SSLContext tls, String golden) throws IOException {
    this.golden = golden;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            params.setSSLParameters(TrustMaterial.agentParameters(tls));
          }
        });
    server.createContext("/api/metrics", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      switch (behaviour) {
        case HANGING -> {
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        case HTML -> send(exchange, "text/html", "<html><body>502 Bad Gateway</body></html>");
        case JSON_AS_TEXT -> send(exchange, "text/plain", document());
        case NORMAL -> send(exchange, "application/json", document());
      }
    }
  }

  public String document() {
    return golden
        .replace(GOLDEN_TIME, "\"timestamp\":\"" + nodeTime + "\"")
        .replace(GOLDEN_BOOT, bootId)
        .replaceFirst(GOLDEN_RX, "\"rx_bytes\":" + rxBytes)
        .replaceFirst(GOLDEN_CPU, "\"usage_percent\": " + cpuPercent + ",");
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The agent's golden {@code /api/metrics} document (from the fixture tree). */
  public static String golden() throws IOException {
    return Files.readString(GOLDEN);
  }

  /** A server added through the panel's API, and a fake node enrolled for it the agent's way. */
  public record Enrolled(String serverId, FakeNode node) {}

  /**
   * Adds a server named {@code name} through {@code admin}'s API, enrols a fake node for it over
   * the panel's enrolment endpoint and points the server at the node's port.
   */
  public static Enrolled enrol(Http admin, String base, String name) throws IOException {
    HttpResponse<String> created =
        admin.post("api/servers", "{\"name\":" + Http.json(name) + ",\"address\":\"127.0.0.1\"}");
    String id = json(created).get("id").toString();
    EnrolmentToken token =
        EnrolmentToken.decode(
            json(admin.post("api/servers/" + id + "/enrolment-token", "")).getString("token"));
    NodeKeyRequest request = CsrFactory.create();
    Base64.Encoder b64 = Base64.getEncoder();
    JsonObject enrolled =
        json(
            new Http(base)
                .from("203.0.113.61")
                .post(
                    "api/nodes/enroll",
                    Json.createObjectBuilder()
                        .add("token_id", token.tokenId())
                        .add("csr", b64.encodeToString(request.csrDer()))
                        .add(
                            "proof",
                            b64.encodeToString(EnrolmentProof.compute(token, request.csrDer())))
                        .build()
                        .toString()));
    FakeNode node =
        new FakeNode(
            TrustMaterial.forAgent(
                Pem.privateKey(request.privateKey()),
                enrolled.getString("certificate"),
                enrolled.getString("client_issuer"),
                enrolled.getString("client_crl")),
            golden());
    HttpResponse<String> pointed =
        admin.put("api/servers/" + id, "{\"agent_port\":" + node.port() + "}");
    if (pointed.statusCode() != 200) {
      node.close();
      throw new IllegalStateException("cannot point the server at its node: " + pointed.body());
    }
    return new Enrolled(id, node);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
