package dev.fleetpanel.node.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.agent.TestPki;
import dev.fleetpanel.node.agent.api.AgentApplication;
import dev.fleetpanel.node.agent.capability.Capabilities;
import dev.fleetpanel.node.agent.enrol.CertificateRotation;
import dev.fleetpanel.node.agent.enrol.EnrolledFiles;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.testing.RawHttps;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent over real mutual TLS on 127.0.0.1, serving the fixture tree. */
class AgentServerTest {

  private static final Path ROOT = Path.of("src/test/resources/fixtures/root1");

  private static MetricsCollector collector;
  private static AgentServer server;
  private static HttpClient panel;

  @BeforeAll
  static void start() throws Exception {
    collector = new MetricsCollector(ROOT, Clock.systemUTC());
    server =
        AgentServer.start(
            "127.0.0.1",
            0,
            AgentTls.of(TestPki.agentContext(TestPki.node())),
            AgentApplication.create(
                collector,
                Capabilities.preset("monitoring"),
                "test",
                new CertificateRotation(
                    new EnrolledFiles(Path.of("target/no-enrolled-files")),
                    context -> {},
                    Clock.systemUTC())));
    panel = client(TestPki.panelContext());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    collector.close();
  }

  @Test
  void healthIsOk() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(Json.createObjectBuilder().add("status", "ok").build());
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void versionNamesTheComponentAndCapabilities() throws Exception {
    JsonObject body = json(get("/api/version"));

    assertThat(body.getString("version")).isEqualTo("test");
    assertThat(body.getString("component")).isEqualTo("node");
    assertThat(body.containsKey("node_name")).isTrue();
    assertThat(body.getJsonObject("capabilities").getString("traffic")).isEqualTo("ro");
  }

  @Test
  void metricsDocumentAndSections() throws Exception {
    HttpResponse<String> all = get("/api/metrics");
    HttpResponse<String> memory = get("/api/metrics/memory");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json(all)).containsKeys("cpu", "memory", "disk", "network", "processes");
    assertThat(memory.statusCode()).isEqualTo(200);
    assertThat(get("/api/metrics/gpu").statusCode()).isEqualTo(404);
  }

  @Test
  void aPeakWindowCanBeAskedForAndIsValidated() throws Exception {
    HttpResponse<String> window = get("/api/metrics?peak_seconds=10");
    HttpResponse<String> zero = get("/api/metrics?peak_seconds=0");
    HttpResponse<String> word = get("/api/metrics?peak_seconds=ten");

    assertThat(window.statusCode()).isEqualTo(200);
    assertThat(json(window).getJsonObject("network").getJsonArray("interfaces")).isNotEmpty();
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(json(zero).getString("error")).isEqualTo("peak_seconds must be 1-300");
    assertThat(word.statusCode()).isEqualTo(400);
  }

  @Test
  void prometheusText() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).contains("# TYPE fleetpanel_node_");
  }

  @Test
  void unknownPathIs404Json() throws Exception {
    HttpResponse<String> response = get("/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).getString("error")).isEqualTo("not found");
  }

  @Test
  void wrongMethodIs405Json() throws Exception {
    HttpResponse<String> response = send(request("/health").DELETE());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(json(response).getString("error")).isEqualTo("method not allowed");
  }

  @Test
  void deniedDomainIs403WithHeader() throws Exception {
    HttpResponse<String> response =
        send(request("/api/traffic/ports/add").POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-Capability-Denied")).contains("traffic:rw");
    assertThat(json(response).getString("error")).isEqualTo("capability_denied");
  }

  /**
   * Jetty checks Content-Length before Jersey reads anything: the 413, in the agent's JSON form,
   * comes back before the body is sent. (A raw socket: Java 17's HttpClient hangs on {@code Expect:
   * 100-continue} answered with a final status, JDK-8286171.)
   */
  @Test
  void declaredBodyOverOneMebibyteIs413JsonBeforeTheBodyIsSent() throws Exception {
    String answer = RawHttps.exchange(server.port(), RawHttps.postHead("/api/metrics", 2097152));

    assertThat(answer).startsWith("HTTP/1.1 413 ");
    assertThat(answer).contains("application/json").endsWith("{\"error\":\"payload too large\"}");
  }

  /**
   * A client that sends the body at once gets the same 413, or, when the agent has already closed
   * the connection while the client was still writing, an IOException (a broken pipe): both are
   * possible and both keep the body out. The agent keeps serving.
   */
  @Test
  void bodyOverOneMebibyteWithoutExpectIs413OrClosed() throws Exception {
    try {
      HttpResponse<String> response = send(request("/api/metrics").POST(twoMebibytes()));
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(json(response).getString("error")).isEqualTo("payload too large");
    } catch (IOException closed) {
      assertThat(closed).isNotNull();
    }
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  private static HttpRequest.BodyPublisher twoMebibytes() {
    return HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]);
  }

  @Test
  void clientWithoutCertificateGetsNoHttpAnswer() throws Exception {
    SSLContext noCertificate = SSLContext.getInstance("TLSv1.3");
    noCertificate.init(null, PanelTrust.onlyNodeIssuer(TestPki.NODE_ISSUER.certificate()), null);

    assertThatThrownBy(
            () ->
                client(noCertificate)
                    .send(request("/health").build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientCertificateFromAnotherIssuerGetsNoHttpAnswer() {
    Issuer stranger = Issuer.create("stranger", 1, TestPki.NOW.minusSeconds(60));
    SSLContext other =
        TrustMaterial.forPanel(
            stranger.issueClientCertificate("fleetpanel", TestPki.ONE_DAY),
            TestPki.NODE_ISSUER.certificate());

    assertThatThrownBy(
            () ->
                client(other)
                    .send(request("/health").build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder()
        .sslContext(tls)
        .sslParameters(TrustMaterial.panelParameters(tls))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return panel.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
