package dev.fleetpanel.panel.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.node.NodeConnections.ConnectionTest;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import dev.fleetpanel.panel.server.ServerService;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.RealAgent;
import dev.fleetpanel.panel.testing.TestDatabase;
import jakarta.validation.Validation;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Test connection" against the real agent jar, enrolled through the panel's own enrolment: the
 * agent answers with its version; a stopped agent, a name its certificate does not carry and a node
 * that accepts and never answers each fail with their own reason.
 */
class NodeConnectionIT {

  @TempDir static Path data;

  static TestDatabase db;
  static Database database;
  static ServerService servers;
  static NodeConnections connections;
  static EnrolmentService enrolment;
  static RealAgent agent;
  static int agentPort;
  static final Actor admin = new Actor("admin", "192.0.2.1");

  @BeforeAll
  static void enrolAndStartAnAgent() throws Exception {
    assertThat(RealAgent.JAR).as("the agent jar (built by the node-api/agent module)").exists();
    db = TestDatabase.h2();
    database = Database.open(db.config(data, Map.of()));
    Tx tx = new Tx(database.entityManagerFactory());
    MutableClock clock = new MutableClock(Instant.now());
    AuditService audit = new AuditService(tx, clock);
    servers =
        new ServerService(
            tx, audit, Validation.buildDefaultValidatorFactory().getValidator(), clock);
    NodeTrust trust = NodeTrust.load(tx, clock);
    enrolment = new EnrolmentService(tx, trust, servers, audit, clock);
    connections =
        new NodeConnections(new NodeClient(trust, enrolment::isRevoked), servers, enrolment);

    agentPort = RealAgent.freePort();
    Server server =
        servers.create(new ServerForm("agent", "127.0.0.1", agentPort, null, ""), admin);
    agent = RealAgent.enrol(enrolment, server.id(), data.resolve("node"), agentPort, admin);
    agent.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.stop();
    }
    if (database != null) {
      database.close();
      db.close();
    }
  }

  @Test
  void theEnrolledAgentAnswersWithItsVersion() {
    Server server =
        servers.list().stream().filter(s -> s.name().equals("agent")).findFirst().orElseThrow();
    ConnectionTest result = connections.test(server.id());
    assertThat(result.ok()).as("%s: %s", result.reason(), result.detail()).isTrue();
    assertThat(result.version()).isEqualTo("0.1.0");
    assertThat(result.latencyMillis()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void liveMetricsAreTheAgentsDocument() {
    Server server =
        servers.list().stream().filter(s -> s.name().equals("agent")).findFirst().orElseThrow();
    NodeClient.Reply reply = connections.liveMetrics(server.id());
    assertThat(reply.ok()).as("%s", reply.detail()).isTrue();
    assertThat(reply.body())
        .contains("\"cpu\":")
        .contains("\"memory\":")
        .contains("\"timestamp\":");
  }

  /**
   * The node makes a new key, the panel signs it, the node serves it at once; the certificate
   * before is revoked, so an answer under it would be refused. The agent's files hold the new pair.
   */
  @Test
  void replacingTheCertificateServesTheNewOneAndRevokesTheOld() throws Exception {
    Server server =
        servers.list().stream().filter(s -> s.name().equals("agent")).findFirst().orElseThrow();
    List<NodeCertificate> before = enrolment.certificates(server.id());

    NodeConnections.Replacement replacement = connections.replaceCertificate(server.id(), admin);

    assertThat(replacement.ok()).as("%s: %s", replacement.reason(), replacement.detail()).isTrue();
    assertThat(
            Pem.parseCertificate(Files.readString(data.resolve("node/node.crt"))).getSerialNumber())
        .isEqualTo(new BigInteger(replacement.serial(), 16));
    for (NodeCertificate old : before) {
      assertThat(enrolment.isRevoked(new BigInteger(old.serial(), 16))).isTrue();
    }
    assertThat(enrolment.isRevoked(new BigInteger(replacement.serial(), 16))).isFalse();
    ConnectionTest after = connections.test(server.id());
    assertThat(after.ok()).as("%s: %s", after.reason(), after.detail()).isTrue();
  }

  @Test
  void aCertificateTheNodeDidNotInstallIsRevokedAndTheOldOneKept() throws Exception {
    try (ServerSocket nothing = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      int port = nothing.getLocalPort();
      nothing.close();
      Server server = servers.create(new ServerForm("gone", "127.0.0.1", port, null, ""), admin);

      NodeConnections.Replacement replacement = connections.replaceCertificate(server.id(), admin);

      assertThat(replacement.ok()).isFalse();
      assertThat(replacement.reason()).isEqualTo("refused");
      assertThat(enrolment.certificates(server.id())).isEmpty();
    }
  }

  @Test
  void aPortWithNoAgentIsRefused() throws IOException {
    Server server =
        servers.create(
            new ServerForm("nobody", "127.0.0.1", RealAgent.freePort(), null, ""), admin);
    ConnectionTest result = connections.test(server.id());
    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).isEqualTo("refused");
  }

  @Test
  void aNameTheNodeCertificateDoesNotCarryFailsInTls() {
    Server server =
        servers.create(new ServerForm("by-name", "localhost", agentPort, null, ""), admin);
    ConnectionTest result = connections.test(server.id());
    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).isEqualTo("tls");
  }

  @Test
  void aNodeThatAcceptsAndNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (!silent.isClosed()) {
                    silent.accept(); // held open, never answered
                  }
                } catch (IOException e) {
                  // closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Server server =
          servers.create(
              new ServerForm("silent", "127.0.0.1", silent.getLocalPort(), null, ""), admin);
      ConnectionTest result = connections.test(server.id());
      assertThat(result.ok()).isFalse();
      assertThat(result.reason()).isEqualTo("timeout");
      assertThat(result.latencyMillis()).isLessThan(NodeClient.TOTAL_TIMEOUT.toMillis() + 5_000);
    }
  }
}
