package dev.fleetpanel.node.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.TestPki;
import dev.fleetpanel.node.agent.api.AgentApplication;
import dev.fleetpanel.node.agent.capability.Capabilities;
import dev.fleetpanel.node.agent.enrol.CertificateRotation;
import dev.fleetpanel.node.agent.enrol.EnrolledFiles;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.KeyAndCertificate;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code node-csr} and {@code replace-node-cert} over real mutual TLS: the new key is made on the
 * node, the signed certificate is checked, written and served to the next handshake; anything that
 * does not fit leaves the current pair serving.
 */
class CertificateRotationTest {

  @TempDir Path dir;

  private KeyAndCertificate original;
  private EnrolledFiles files;
  private MetricsCollector collector;
  private AgentServer server;

  @BeforeEach
  void start() throws Exception {
    original = TestPki.node();
    files = new EnrolledFiles(dir.resolve("node"));
    files.write(
        original.privateKeyPem(),
        original.certificatePem(),
        TestPki.CLIENT_ISSUER.certificatePem(),
        TestPki.emptyCrlPem());
    collector =
        new MetricsCollector(Path.of("src/test/resources/fixtures/root1"), Clock.systemUTC());
    AgentTls tls = AgentTls.of(TestPki.agentContext(original));
    CertificateRotation rotation = new CertificateRotation(files, tls::replace, Clock.systemUTC());
    server =
        AgentServer.start(
            "127.0.0.1",
            0,
            tls,
            AgentApplication.create(collector, Capabilities.preset("monitoring"), "t", rotation));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    collector.close();
  }

  @Test
  void signedRequestIsInstalledWrittenAndServedToTheNextHandshake() throws Exception {
    byte[] csr = Pem.parseCsr(json(post("/api/system/node-csr", "")).getString("csr_pem"));
    X509Certificate signed =
        TestPki.NODE_ISSUER.issueNodeCertificate(csr, "1", "127.0.0.1", TestPki.ONE_DAY);

    HttpResponse<String> response = post("/api/system/replace-node-cert", body(signed));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject answer = json(response);
    assertThat(answer.getString("status")).isEqualTo("replaced");
    assertThat(answer.getString("serial")).isEqualTo(signed.getSerialNumber().toString(16));
    assertThat(servedSerial()).isEqualTo(signed.getSerialNumber());
    assertThat(Pem.parseCertificate(files.read(EnrolledFiles.CERTIFICATE))).isEqualTo(signed);
    assertThat(Pem.parsePrivateKey(files.read(EnrolledFiles.KEY)))
        .isNotEqualTo(original.privateKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
        .isEqualTo("rw-------");
    assertThat(files.missing()).isEmpty();
    try (var listing = Files.list(files.dir())) {
      assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".next"));
    }
  }

  @Test
  void certificateWithoutAPendingKeyIsRefused() throws Exception {
    X509Certificate signed =
        TestPki.NODE_ISSUER.issueNodeCertificate(
            CsrFactory.create().csrDer(), "1", "127.0.0.1", TestPki.ONE_DAY);

    HttpResponse<String> response = post("/api/system/replace-node-cert", body(signed));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json(response).getString("error")).contains("ask for a CSR first");
    assertThat(servedSerial()).isEqualTo(original.certificate().getSerialNumber());
  }

  @Test
  void certificateForAnotherKeyOrFromAnotherIssuerIsRefusedAndNothingChanges() throws Exception {
    byte[] csr = Pem.parseCsr(json(post("/api/system/node-csr", "")).getString("csr_pem"));
    X509Certificate otherKey =
        TestPki.NODE_ISSUER.issueNodeCertificate(
            CsrFactory.create().csrDer(), "1", "127.0.0.1", TestPki.ONE_DAY);
    X509Certificate otherIssuer =
        Issuer.create("stranger", 1, TestPki.NOW.minusSeconds(60))
            .issueNodeCertificate(csr, "1", "127.0.0.1", TestPki.ONE_DAY);
    String keyBefore = files.read(EnrolledFiles.KEY);

    HttpResponse<String> wrongKey = post("/api/system/replace-node-cert", body(otherKey));
    HttpResponse<String> wrongIssuer = post("/api/system/replace-node-cert", body(otherIssuer));

    assertThat(wrongKey.statusCode()).isEqualTo(400);
    assertThat(json(wrongKey).getString("error")).contains("not for the key");
    assertThat(wrongIssuer.statusCode()).isEqualTo(400);
    assertThat(json(wrongIssuer).getString("error")).contains("another issuer");
    assertThat(files.read(EnrolledFiles.KEY)).isEqualTo(keyBefore);
    assertThat(servedSerial()).isEqualTo(original.certificate().getSerialNumber());
  }

  @Test
  void malformedBodiesAreRefused() throws Exception {
    post("/api/system/node-csr", "");

    for (String bad : new String[] {"{", "[]", "{\"cert_pem\": 5}", "{\"cert_pem\":\"x\"}"}) {
      HttpResponse<String> response = post("/api/system/replace-node-cert", bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(response).containsKey("error")).isTrue();
    }
  }

  @Test
  void interruptedReplacementIsFinishedAfterItsCommitPointAndDroppedBefore() throws Exception {
    Path dirPath = files.dir();
    Files.writeString(dirPath.resolve("node.crt.next"), "half-done");

    assertThat(files.finishReplacement()).isFalse();
    assertThat(dirPath.resolve("node.crt.next")).doesNotExist();
    assertThat(files.read(EnrolledFiles.CERTIFICATE)).isEqualTo(original.certificatePem());

    Files.writeString(dirPath.resolve("node.crt.next"), "new certificate");
    Files.writeString(dirPath.resolve("node.key.next"), "new key");

    assertThat(files.finishReplacement()).isTrue();
    assertThat(files.read(EnrolledFiles.CERTIFICATE)).isEqualTo("new certificate");
    assertThat(files.read(EnrolledFiles.KEY)).isEqualTo("new key");
  }

  private Path keyFile() {
    return files.dir().resolve(EnrolledFiles.KEY);
  }

  private static String body(X509Certificate certificate) {
    return Json.createObjectBuilder()
        .add("cert_pem", Pem.certificate(certificate))
        .build()
        .toString();
  }

  /** The serial of the certificate a new connection is shown. */
  private BigInteger servedSerial() throws Exception {
    HttpResponse<String> response =
        client()
            .send(
                HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    return ((X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0])
        .getSerialNumber();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client()
        .send(
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("https://127.0.0.1:" + server.port() + path);
  }

  /** A new client each time, so that every call makes a new handshake. */
  private static HttpClient client() {
    SSLContext tls = TestPki.panelContext();
    return HttpClient.newBuilder()
        .sslContext(tls)
        .sslParameters(TrustMaterial.panelParameters(tls))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
