package dev.fleetpanel.panel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.KeyAndCertificate;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TlsProbe;
import dev.fleetpanel.node.trust.TrustMaterial;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.node.EnrolmentService.EnrolmentRefused;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import dev.fleetpanel.panel.server.ServerService;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.TestDatabase;
import jakarta.validation.Validation;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enrolment against the stored trust material, on PostgreSQL and H2, ending in a real handshake.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Engine.class)
class EnrolmentServiceIT {
  private static final URI PANEL =
      URI.create("https://panel.example.com/0123456789abcdef01234567/");

  @Parameter TestDatabase.Engine engine;
  @TempDir Path data;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final Actor admin = new Actor("admin", "192.0.2.1");
  private final Actor node = new Actor("node", "127.0.0.1");
  private TestDatabase db;
  private Database database;
  private Tx tx;
  private ServerService servers;
  private NodeTrust trust;
  private EnrolmentService enrolment;
  private Server server;

  @BeforeEach
  void open() {
    db = TestDatabase.create(engine);
    database = Database.open(db.config(data, Map.of()));
    tx = new Tx(database.entityManagerFactory());
    AuditService audit = new AuditService(tx, clock);
    servers =
        new ServerService(
            tx, audit, Validation.buildDefaultValidatorFactory().getValidator(), clock);
    trust = NodeTrust.load(tx, clock);
    enrolment = new EnrolmentService(tx, trust, servers, audit, clock);
    server = servers.create(new ServerForm("edge-1", "127.0.0.1", 9100, null, ""), admin);
  }

  @AfterEach
  void close() {
    database.close();
    db.close();
  }

  private EnrolmentToken token() {
    return EnrolmentToken.decode(enrolment.issueToken(server.id(), PANEL, admin).token());
  }

  @Test
  void anEnrolledNodeAndThePanelTrustEachOtherOverTls() throws Exception {
    EnrolmentToken token = token();
    assertThat(token.panelUrl()).isEqualTo(PANEL);
    assertThat(token.clientIssuerFingerprint()).isEqualTo(trust.clientIssuer().fingerprint());
    NodeKeyRequest request = CsrFactory.create();

    EnrolmentService.Enrolled enrolled =
        enrolment.enroll(
            token.tokenId(),
            request.csrDer(),
            EnrolmentProof.compute(token, request.csrDer()),
            node);

    X509Certificate certificate = Pem.parseCertificate(enrolled.certificate());
    certificate.verify(trust.nodeIssuer().certificate().getPublicKey());
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=node-" + server.id());
    SSLContext agent =
        TrustMaterial.forAgent(
            Pem.privateKey(request.privateKey()),
            enrolled.certificate(),
            enrolled.clientIssuer(),
            enrolled.clientCrl());
    SSLContext panel =
        TrustMaterial.forPanel(trust.panelClient(), trust.nodeIssuer().certificate());
    TlsProbe.Outcome outcome =
        TlsProbe.connect(
            agent,
            TrustMaterial.agentParameters(agent),
            panel,
            TrustMaterial.panelParameters(panel));
    assertThat(outcome.connected())
        .as("handshake: %s / %s", outcome.clientError(), outcome.serverError())
        .isTrue();
    assertThat(enrolment.certificates(server.id())).hasSize(1);
  }

  @Test
  void aTokenWorksOnce() {
    EnrolmentToken token = token();
    NodeKeyRequest first = CsrFactory.create();
    enrolment.enroll(
        token.tokenId(), first.csrDer(), EnrolmentProof.compute(token, first.csrDer()), node);
    NodeKeyRequest second = CsrFactory.create();
    assertThatThrownBy(
            () ->
                enrolment.enroll(
                    token.tokenId(),
                    second.csrDer(),
                    EnrolmentProof.compute(token, second.csrDer()),
                    node))
        .isInstanceOfSatisfying(EnrolmentRefused.class, e -> assertThat(e.status()).isEqualTo(410));
    assertThat(enrolment.certificates(server.id())).hasSize(1);
  }

  @Test
  void anExpiredTokenIsRefused() {
    EnrolmentToken token = token();
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    NodeKeyRequest request = CsrFactory.create();
    assertThatThrownBy(
            () ->
                enrolment.enroll(
                    token.tokenId(),
                    request.csrDer(),
                    EnrolmentProof.compute(token, request.csrDer()),
                    node))
        .isInstanceOfSatisfying(EnrolmentRefused.class, e -> assertThat(e.status()).isEqualTo(410));
  }

  @Test
  void aForgedProofOrAnUnknownTokenIsRefusedAndConsumesNothing() {
    EnrolmentToken token = token();
    NodeKeyRequest request = CsrFactory.create();
    byte[] forged = EnrolmentProof.compute(new byte[32], request.csrDer());
    assertThatThrownBy(() -> enrolment.enroll(token.tokenId(), request.csrDer(), forged, node))
        .isInstanceOfSatisfying(EnrolmentRefused.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> enrolment.enroll("no-such-token", request.csrDer(), forged, node))
        .isInstanceOfSatisfying(EnrolmentRefused.class, e -> assertThat(e.status()).isEqualTo(404));
    // The real node can still use its token afterwards.
    enrolment.enroll(
        token.tokenId(), request.csrDer(), EnrolmentProof.compute(token, request.csrDer()), node);
  }

  @Test
  void removingTheServerRevokesItsCertificate() {
    EnrolmentToken token = token();
    NodeKeyRequest request = CsrFactory.create();
    enrolment.enroll(
        token.tokenId(), request.csrDer(), EnrolmentProof.compute(token, request.csrDer()), node);
    String serial = enrolment.certificates(server.id()).get(0).serial();

    servers.delete(server.id(), admin);

    NodeCertificate stored = tx.call(() -> tx.em().find(NodeCertificate.class, serial));
    assertThat(stored.revokedAt()).isNotNull();
    assertThat(stored.serverId()).isNull();
  }

  @Test
  void theTrustMaterialIsCreatedOnceAndKept() {
    NodeTrust again = NodeTrust.load(tx, clock);
    assertThat(again.clientIssuer().fingerprint()).isEqualTo(trust.clientIssuer().fingerprint());
    assertThat(again.nodeIssuer().fingerprint()).isEqualTo(trust.nodeIssuer().fingerprint());
    KeyAndCertificate client = again.panelClient();
    assertThat(client.certificate()).isEqualTo(trust.panelClient().certificate());
    assertThat(List.of(trust.clientIssuer().fingerprint()))
        .doesNotContain(trust.nodeIssuer().fingerprint());
  }

  @Test
  void theDevCommandsLocalAgentGetsAServerAndATokenUntilItIsEnrolled() throws Exception {
    DevNode.prepare(servers, enrolment, PANEL, 9100, data);
    java.nio.file.Path file = data.resolve(DevNode.TOKEN_FILE);
    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    Server local =
        servers.list().stream()
            .filter(s -> s.name().equals(DevNode.NAME))
            .findFirst()
            .orElseThrow();
    assertThat(local.address()).isEqualTo("127.0.0.1");
    EnrolmentToken token = EnrolmentToken.decode(java.nio.file.Files.readString(file).strip());
    NodeKeyRequest request = CsrFactory.create();
    enrolment.enroll(
        token.tokenId(), request.csrDer(), EnrolmentProof.compute(token, request.csrDer()), node);

    DevNode.prepare(servers, enrolment, PANEL, 9100, data);

    assertThat(file).doesNotExist();
    assertThat(servers.list().stream().filter(s -> s.name().equals(DevNode.NAME))).hasSize(1);
  }
}
