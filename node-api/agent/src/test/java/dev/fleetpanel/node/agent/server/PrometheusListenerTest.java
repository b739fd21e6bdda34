package dev.fleetpanel.node.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.net.Cidr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain-HTTP {@code /metrics} listener: allow-listed addresses only, one path only. */
class PrometheusListenerTest {

  private static final Path ROOT = Path.of("src/test/resources/fixtures/root1");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static MetricsCollector collector;
  private static PrometheusListener loopbackAllowed;
  private static PrometheusListener otherNetworkAllowed;

  @BeforeAll
  static void start() throws Exception {
    collector = new MetricsCollector(ROOT, Clock.systemUTC());
    loopbackAllowed =
        PrometheusListener.start(
            "127.0.0.1", 0, List.of(Cidr.parse("127.0.0.0/8")), collector, "test");
    otherNetworkAllowed =
        PrometheusListener.start(
            "127.0.0.1",
            0,
            List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128")),
            collector,
            "test");
  }

  @AfterAll
  static void stop() throws Exception {
    loopbackAllowed.close();
    otherNetworkAllowed.close();
    collector.close();
  }

  @Test
  void allowedAddressGetsThePrometheusText() throws Exception {
    HttpResponse<String> response = send(loopbackAllowed, "GET", "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("# TYPE fleetpanel_node_").contains("fleetpanel_node_");
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void addressOutsideTheAllowListIsRefusedWhateverThePath() throws Exception {
    for (String path : List.of("/metrics", "/api/metrics")) {
      HttpResponse<String> response = send(otherNetworkAllowed, "GET", path);

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"error\":\"address_not_allowed\"}");
    }
  }

  @Test
  void onlyGetMetricsIsServed() throws Exception {
    assertThat(send(loopbackAllowed, "GET", "/api/metrics").statusCode()).isEqualTo(404);
    assertThat(send(loopbackAllowed, "GET", "/health").statusCode()).isEqualTo(404);
    HttpResponse<String> post = send(loopbackAllowed, "POST", "/metrics");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  private static HttpResponse<String> send(PrometheusListener listener, String method, String path)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
