package dev.fleetpanel.panel.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.fleetpanel.node.trust.TrustMaterial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A node for the poller's tests: the JDK's HTTPS server with the node's enrolled certificate and a
 * client certificate required, answering {@code /api/metrics} with the agent's golden document (its
 * time, boot id and counters replaced), or misbehaving as told.
 */
final class FakeNode implements AutoCloseable {

  enum Behaviour {
    NORMAL,
    HANGING,
    HTML,
    JSON_AS_TEXT
  }

  private static final String GOLDEN_TIME = "\"timestamp\": \"2026-01-01T12:00:00Z\"";
  private static final String GOLDEN_BOOT = "3f2b9c1e-8d4a-4f6b-9e2d-7c1a5b8e0f42";
  private static final String GOLDEN_RX = "\"rx_bytes\": 1009181586292";

  private final HttpsServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final String golden;
  volatile Behaviour behaviour = Behaviour.NORMAL;
  volatile Instant nodeTime = Instant.now();
  volatile String bootId = GOLDEN_BOOT;
  volatile long rxBytes = 1_000_000;

  FakeNode(SSLContext tls, String golden) throws IOException {
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

  int port() {
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

  String document() {
    return golden
        .replace(GOLDEN_TIME, "\"timestamp\":\"" + nodeTime + "\"")
        .replace(GOLDEN_BOOT, bootId)
        .replaceFirst(GOLDEN_RX, "\"rx_bytes\":" + rxBytes);
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
