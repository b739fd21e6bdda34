package bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Six nodes, one per behaviour, served over real mutual TLS without a panel. */
class FleetServerTest {

  private static final Duration REBOOT_EVERY = Duration.ofMinutes(3);
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final SSLContext PANEL = TestPki.panelContext();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(PANEL).build();

  private static final List<SimNode> FLEET = new ArrayList<>();
  private static RequestStats stats;
  private static FleetServer server;
  private static int deadPort;

  @BeforeAll
  static void start() throws Exception {
    deadPort = freePort();
    for (Behaviour b : Behaviour.values()) {
      int index = FLEET.size();
      int port = b == Behaviour.DEAD ? deadPort : 0;
      SSLContext tls = b == Behaviour.DEAD ? null : TestPki.nodeContext(Integer.toString(index));
      FLEET.add(
          SimNode.of(
              Integer.toString(index),
              "sim-" + b.wire(),
              port,
              b,
              tls,
              42,
              index,
              CLOCK.instant(),
              REBOOT_EVERY));
    }
    stats = new RequestStats(FLEET);
    server = FleetServer.start(FLEET, CLOCK, stats);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aNormalNodeAnswersTheAgentsDocumentOverMutualTls() throws Exception {
    HttpResponse<byte[]> response = get(Behaviour.NORMAL, "/api/metrics", Duration.ofSeconds(5));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JsonPaths.of(response.body())).isEqualTo(MetricsDocumentTest.goldenPaths());
    assertThat(stats.requests(Behaviour.NORMAL)).isPositive();
  }

  @Test
  void aNodeAnswersVersionAndHealthAsTheAgentDoes() throws Exception {
    JsonObject version = json(get(Behaviour.NORMAL, "/api/version", Duration.ofSeconds(5)));
    JsonObject health = json(get(Behaviour.NORMAL, "/health", Duration.ofSeconds(5)));

    assertThat(version.getString("component")).isEqualTo("node");
    assertThat(version.getString("node_name")).isEqualTo("sim-normal");
    assertThat(version.getJsonObject("capabilities")).isEmpty();
    assertThat(health.getString("status")).isEqualTo("ok");
  }

  @Test
  void aHangingNodeCompletesTheHandshakeButNeverAnswers() throws Exception {
    int port = port(Behaviour.HANGING);
    try (SSLSocket socket = (SSLSocket) PANEL.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSSLParameters(TrustMaterial.panelParameters(PANEL));
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /api/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(2000);
      InputStream in = socket.getInputStream();

      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(stats.requests(Behaviour.HANGING)).isEqualTo(1);
  }

  @Test
  void aDeadNodeRefusesTheConnection() {
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", deadPort), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
    assertThat(server.port(node(Behaviour.DEAD))).isEqualTo(-1);
  }

  @Test
  void aSlowNodeAnswersAfterOneToTwoAndAHalfSeconds() throws Exception {
    long started = System.nanoTime();
    HttpResponse<byte[]> response = get(Behaviour.SLOW, "/api/metrics", Duration.ofSeconds(5));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(millis).isBetween(1000L, 3500L);
  }

  @Test
  void aGarbageNodeAnswersHtmlAndTheWrongJsonInTurn() throws Exception {
    HttpResponse<byte[]> first = get(Behaviour.GARBAGE, "/api/metrics", Duration.ofSeconds(5));
    HttpResponse<byte[]> second = get(Behaviour.GARBAGE, "/api/metrics", Duration.ofSeconds(5));

    assertThat(List.of(first, second)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(List.of(type(first), type(second)))
        .containsExactlyInAnyOrder("text/html; charset=utf-8", "application/json");
    HttpResponse<byte[]> json = type(first).equals("application/json") ? first : second;
    assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"metrics\"}");
  }

  @Test
  void aRebootingNodeRestartsItsCountersWithANewBootId() throws Exception {
    JsonObject first = metrics(Behaviour.REBOOT);
    Instant boot = Instant.parse(first.getJsonObject("system").getString("boot_time"));
    CLOCK.advance(Duration.between(CLOCK.instant(), boot.plus(REBOOT_EVERY).minusSeconds(2)));
    JsonObject before = metrics(Behaviour.REBOOT);
    CLOCK.advance(Duration.ofSeconds(4));
    JsonObject after = metrics(Behaviour.REBOOT);

    assertThat(bootId(after)).isNotEqualTo(bootId(before));
    assertThat(rxBytes(after)).isLessThan(rxBytes(before));
    assertThat(after.getJsonObject("system").getJsonNumber("uptime_seconds").longValue())
        .isLessThan(before.getJsonObject("system").getJsonNumber("uptime_seconds").longValue());
  }

  private static JsonObject metrics(Behaviour behaviour) throws Exception {
    return json(get(behaviour, "/api/metrics", Duration.ofSeconds(5)));
  }

  private static String bootId(JsonObject doc) {
    return doc.getJsonObject("system").getString("boot_id");
  }

  private static long rxBytes(JsonObject doc) {
    return doc.getJsonObject("network")
        .getJsonObject("total")
        .getJsonNumber("rx_bytes")
        .longValue();
  }

  private static HttpResponse<byte[]> get(Behaviour behaviour, String path, Duration timeout)
      throws IOException, InterruptedException {
    URI uri = URI.create("https://127.0.0.1:" + port(behaviour) + path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject json(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonPaths.object(response.body());
  }

  private static String type(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private static int port(Behaviour behaviour) {
    return server.port(node(behaviour));
  }

  private static SimNode node(Behaviour behaviour) {
    return FLEET.stream().filter(n -> n.behaviour() == behaviour).findFirst().orElseThrow();
  }

  /** A port nothing listens on: taken from the system, then released. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
