package dev.fleetpanel.node.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.TestPki;
import dev.fleetpanel.node.agent.blocklist.BlocklistConfig;
import dev.fleetpanel.node.agent.blocklist.BlocklistService;
import dev.fleetpanel.node.agent.capability.Access;
import dev.fleetpanel.node.agent.capability.Capabilities;
import dev.fleetpanel.node.agent.enrol.CertificateRotation;
import dev.fleetpanel.node.agent.enrol.EnrolledFiles;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.server.AgentServer;
import dev.fleetpanel.node.agent.server.AgentTls;
import dev.fleetpanel.node.agent.testing.NetworkNamespaces;
import dev.fleetpanel.node.agent.testing.RawHttps;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SetVersion;
import dev.fleetpanel.node.blocklist.SyncBodyWriter;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocklist through the agent's real HTTP API over mutual TLS, its commands in a network
 * namespace. The lists are limited to {@link #MAX} entries here, so that the size limits can be
 * reached with small bodies.
 */
class BlocklistResourceIT {

  private static final int MAX = 5000;
  private static final Path NO_ENROLMENT = Path.of("target/no-enrolled-files");

  private static NetworkNamespaces net;
  @TempDir static Path state;
  private static MetricsCollector collector;
  private static AgentServer server;
  private static AgentServer readOnly;
  private static HttpClient panel;

  @BeforeAll
  static void start() throws Exception {
    NetworkNamespaces.assumeAvailable();
    net = NetworkNamespaces.create("http");
    BlocklistService blocklist =
        new BlocklistService(
            new BlocklistConfig(state, List.of(), MAX), net.nodeRunner(), Clock.systemUTC());
    assertThat(blocklist.start()).as("%s", blocklist.error()).isTrue();
    collector =
        new MetricsCollector(Path.of("src/test/resources/fixtures/root1"), Clock.systemUTC());
    server = agent(Capabilities.preset("full"), blocklist);
    readOnly = agent(Capabilities.preset("full").with("ipset", Access.RO), blocklist);
    SSLContext tls = TestPki.panelContext();
    panel =
        HttpClient.newBuilder()
            .sslContext(tls)
            .sslParameters(TrustMaterial.panelParameters(tls))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AgentServer agent : new AgentServer[] {server, readOnly}) {
      if (agent != null) {
        agent.close();
      }
    }
    if (collector != null) {
      collector.close();
    }
    if (net != null) {
      net.close();
    }
  }

  @Test
  void aGzipFullSyncThenADeltaThenAStaleDelta() throws Exception {
    List<String> list = addresses(4000);
    HttpResponse<String> full = post(server, "/api/ipset/sync", gzip(fullBody(list)), "gzip");

    assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
    JsonObject synced = json(full);
    assertThat(synced.getString("version")).isEqualTo(SetVersion.of(list));
    assertThat(synced.getString("mode")).isEqualTo("full");
    assertThat(synced.getInt("total")).isEqualTo(4000);
    assertThat(net.inNode("ipset", "list", "-terse", "blocklist_permanent"))
        .contains("Number of entries: 4000");

    ByteArrayOutputStream delta = new ByteArrayOutputStream();
    SyncBodyWriter.writeDelta(
        delta,
        Direction.IN,
        ListKind.PERMANENT,
        synced.getString("version"),
        List.of("12.0.0.0/16"),
        List.of(list.get(0)));
    HttpResponse<String> changed = post(server, "/api/ipset/sync", delta.toByteArray(), null);

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    List<String> expected = new ArrayList<>(list.subList(1, list.size()));
    expected.add("12.0.0.0/16");
    assertThat(json(changed).getString("version")).isEqualTo(SetVersion.of(expected));
    assertThat(json(changed).getString("mode")).isEqualTo("delta");

    HttpResponse<String> stale = post(server, "/api/ipset/sync", delta.toByteArray(), null);

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).getString("error")).isEqualTo(BlocklistApi.VERSION_MISMATCH);
    assertThat(json(stale).getString("version")).isEqualTo(SetVersion.of(expected));
    JsonObject status = json(get(server, "/api/ipset/status"));
    assertThat(status.getJsonObject("incoming").getString("permanent_version"))
        .isEqualTo(SetVersion.of(expected));
    assertThat(status.getJsonObject("incoming").getBoolean("iptables_rules_exist")).isTrue();
  }

  @Test
  void aGzipBombIs413AndChangesNothing() throws Exception {
    String before = permanentVersion();
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      gzip.write("{\"ips\":[".getBytes(StandardCharsets.US_ASCII));
      byte[] garbage = "\"x\",".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 64; i++) {
        gzip.write(garbage);
      }
    }

    HttpResponse<String> response = post(server, "/api/ipset/sync", bomb.toByteArray(), "gzip");

    assertThat((long) bomb.size()).isLessThan(BlocklistApi.maxBodyBytes(MAX));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).getString("error")).contains("larger than");
    assertThat(permanentVersion()).isEqualTo(before);
  }

  @Test
  void tooManyEntriesIs413() throws Exception {
    HttpResponse<String> response =
        post(server, "/api/ipset/sync", gzip(fullBody(addresses(MAX + 1))), "gzip");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).getString("error")).contains("at most " + MAX);
  }

  /** The agent refuses a declared length over the limit before reading the body. */
  @Test
  void aDeclaredBodyOverTheListLimitIs413() throws Exception {
    long limit = BlocklistApi.maxBodyBytes(MAX);

    assertThat(RawHttps.exchange(server.port(), RawHttps.postHead("/api/ipset/sync", limit + 1)))
        .startsWith("HTTP/1.1 413 ");
    assertThat(RawHttps.exchange(server.port(), RawHttps.postHead("/api/ipset/add", 2 << 20)))
        .as("the other endpoints keep the 1 MiB limit")
        .startsWith("HTTP/1.1 413 ");
  }

  @Test
  void badBodiesAreClearErrors() throws Exception {
    assertThat(post(server, "/api/ipset/sync", bytes("{\"ips\":[\"1.2.3.4\""), null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> numbers = post(server, "/api/ipset/sync", bytes("{\"ips\":[1,2]}"), null);
    assertThat(numbers.statusCode()).isEqualTo(422);
    assertThat(json(numbers).getString("error")).isEqualTo("ips must be an array of strings");
    assertThat(post(server, "/api/ipset/sync", bytes("{\"ips\":[]}"), "br").statusCode())
        .isEqualTo(415);
    assertThat(
            post(server, "/api/ipset/sync", bytes("{\"direction\":\"up\",\"ips\":[]}"), null)
                .statusCode())
        .isEqualTo(422);
    assertThat(get(server, "/api/ipset/list/forever").statusCode()).isEqualTo(422);
  }

  @Test
  void addListAndRemoveWithDelete() throws Exception {
    HttpResponse<String> added =
        post(
            server,
            "/api/ipset/add",
            bytes("{\"ip\":\"13.1.2.3/24\",\"direction\":\"out\"}"),
            null);

    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json(added).getString("ip")).isEqualTo("13.1.2.0/24");
    JsonObject listed = json(get(server, "/api/ipset/list/permanent?direction=out"));
    assertThat(listed.getJsonArray("ips").getString(0)).isEqualTo("13.1.2.0/24");
    assertThat(listed.getString("set_type")).isEqualTo("permanent");

    HttpResponse<String> removed =
        panel.send(
            request(server, "/api/ipset/remove")
                .method(
                    "DELETE",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"ip\":\"13.1.2.0/24\",\"direction\":\"out\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(json(get(server, "/api/ipset/list/permanent?direction=out")).getInt("count"))
        .isZero();
    HttpResponse<String> refused =
        post(server, "/api/ipset/add", bytes("{\"ip\":\"127.0.0.1\"}"), null);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(json(refused).getString("error")).contains("non_public");
  }

  @Test
  void readOnlyAccessMayLookButNotChange() throws Exception {
    assertThat(get(readOnly, "/api/ipset/status").statusCode()).isEqualTo(200);
    HttpResponse<String> sync = post(readOnly, "/api/ipset/sync", bytes("{\"ips\":[]}"), null);

    assertThat(sync.statusCode()).isEqualTo(403);
    assertThat(sync.headers().firstValue("X-Capability-Denied")).contains("ipset:rw");
  }

  private static AgentServer agent(Capabilities capabilities, BlocklistService blocklist)
      throws Exception {
    return AgentServer.start(
        "127.0.0.1",
        0,
        AgentTls.of(TestPki.agentContext(TestPki.node())),
        AgentApplication.create(
            collector,
            capabilities,
            "test",
            new CertificateRotation(
                new EnrolledFiles(NO_ENROLMENT), context -> {}, Clock.systemUTC()),
            blocklist),
        BlocklistResource.LARGE_BODIES,
        BlocklistApi.maxBodyBytes(MAX));
  }

  private static String permanentVersion() throws Exception {
    return json(get(server, "/api/ipset/status"))
        .getJsonObject("incoming")
        .getString("permanent_version");
  }

  /** {@code n} distinct public addresses in 14.0.0.0/8. */
  private static List<String> addresses(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("14." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    return out;
  }

  private static byte[] fullBody(List<String> ips) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SyncBodyWriter.writeFull(out, Direction.IN, ListKind.PERMANENT, ips);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpRequest.Builder request(AgentServer agent, String path) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + agent.port() + path))
        .timeout(Duration.ofSeconds(60));
  }

  private static HttpResponse<String> get(AgentServer agent, String path) throws Exception {
    return panel.send(request(agent, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      AgentServer agent, String path, byte[] body, String encoding) throws Exception {
    HttpRequest.Builder request =
        request(agent, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return panel.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
