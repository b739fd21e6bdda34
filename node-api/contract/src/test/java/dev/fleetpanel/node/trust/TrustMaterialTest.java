package dev.fleetpanel.node.trust;

import static dev.fleetpanel.node.trust.TrustFixtures.CLIENT_ISSUER;
import static dev.fleetpanel.node.trust.TrustFixtures.NODE;
import static dev.fleetpanel.node.trust.TrustFixtures.NODE_ISSUER;
import static dev.fleetpanel.node.trust.TrustFixtures.NOW;
import static dev.fleetpanel.node.trust.TrustFixtures.ONE_DAY;
import static dev.fleetpanel.node.trust.TrustFixtures.OTHER_CA;
import static dev.fleetpanel.node.trust.TrustFixtures.PANEL_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.trust.TlsProbe.Outcome;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TrustMaterialTest {

  private static final SSLContext AGENT = TrustMaterial.forAgent(NODE, CLIENT_ISSUER.certificate());
  private static final SSLContext PANEL =
      TrustMaterial.forPanel(PANEL_CLIENT, NODE_ISSUER.certificate());

  @Test
  void panelAndEnrolledNodeCompleteTheMutualHandshake() throws Exception {
    Outcome outcome = agentAccepting(AGENT, PANEL);

    assertThat(outcome.connected()).as("%s", outcome).isTrue();
    assertThat(outcome.serverSawClient()).isEqualTo(PANEL_CLIENT.certificate());
    assertThat(outcome.clientSawServer()).isEqualTo(NODE.certificate());
  }

  @Test
  void contextsBuiltFromPemHandshakeToo() throws Exception {
    X509CRL crl = CLIENT_ISSUER.issueCrl(List.of(), NOW, NOW.plus(Duration.ofDays(7)));
    SSLContext agent =
        TrustMaterial.forAgent(
            NODE.privateKeyPem(),
            NODE.certificatePem(),
            CLIENT_ISSUER.certificatePem(),
            Pem.crl(crl));
    SSLContext panel =
        TrustMaterial.forPanel(
            PANEL_CLIENT.privateKeyPem(),
            PANEL_CLIENT.certificatePem(),
            NODE_ISSUER.certificatePem());

    assertThat(agentAccepting(agent, panel).connected()).isTrue();
  }

  @Test
  void agentRefusesClientWithoutCertificate() throws Exception {
    assertAgentRefuses(agentAccepting(AGENT, attacker(null)));
  }

  @Test
  void agentRefusesClientCertificateFromAnotherCa() throws Exception {
    KeyAndCertificate foreign = OTHER_CA.issueClientCertificate("fleetpanel", ONE_DAY);

    assertAgentRefuses(agentAccepting(AGENT, attacker(foreign)));
  }

  @Test
  void agentRefusesANodeCertificateUsedAsClientCertificate() throws Exception {
    KeyAndCertificate stolenFromAnotherNode = TrustFixtures.node(NODE_ISSUER, "8", "127.0.0.1");

    assertAgentRefuses(agentAccepting(AGENT, attacker(stolenFromAnotherNode)));
  }

  @Test
  void agentRefusesServerAuthCertificateEvenFromTheClientIssuer() throws Exception {
    KeyAndCertificate serverOnly = TrustFixtures.node(CLIENT_ISSUER, "9", "127.0.0.1");

    Outcome outcome = agentAccepting(AGENT, attacker(serverOnly));

    assertAgentRefuses(outcome);
    assertThat(causes(outcome.serverError())).containsIgnoringCase("extended key usage");
  }

  @Test
  void agentRefusesExpiredClientCertificate() throws Exception {
    Validity past = new Validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
    KeyAndCertificate expired = CLIENT_ISSUER.issueClientCertificate("fleetpanel", past);

    Outcome outcome = agentAccepting(AGENT, attacker(expired));

    assertAgentRefuses(outcome);
    assertThat(causes(outcome.serverError())).containsIgnoringCase("expired");
  }

  @Test
  void agentRefusesRevokedClientCertificateAndAcceptsOthers() throws Exception {
    KeyAndCertificate revoked = CLIENT_ISSUER.issueClientCertificate("fleetpanel-old", ONE_DAY);
    X509CRL crl =
        CLIENT_ISSUER.issueCrl(
            List.of(revoked.certificate().getSerialNumber()), NOW, NOW.plus(Duration.ofDays(7)));
    SSLContext agent = TrustMaterial.forAgent(NODE, CLIENT_ISSUER.certificate(), crl);

    Outcome refused = agentAccepting(agent, attacker(revoked));
    assertAgentRefuses(refused);
    assertThat(causes(refused.serverError())).contains("is revoked");
    assertThat(agentAccepting(agent, PANEL).connected()).isTrue();
  }

  @Test
  void agentStillHonoursACrlPastItsNextUpdate() throws Exception {
    KeyAndCertificate revoked = CLIENT_ISSUER.issueClientCertificate("fleetpanel-old", ONE_DAY);
    X509CRL stale =
        CLIENT_ISSUER.issueCrl(
            List.of(revoked.certificate().getSerialNumber()),
            NOW.minus(Duration.ofDays(10)),
            NOW.minus(Duration.ofDays(3)));
    SSLContext agent = TrustMaterial.forAgent(NODE, CLIENT_ISSUER.certificate(), stale);

    assertAgentRefuses(agentAccepting(agent, attacker(revoked)));
    assertThat(agentAccepting(agent, PANEL).connected()).isTrue();
  }

  @Test
  void agentRefusesACrlNotSignedByTheClientIssuer() {
    X509CRL foreign = OTHER_CA.issueCrl(List.of(), NOW, NOW.plus(Duration.ofDays(1)));
    X509CRL fromNodeIssuer = NODE_ISSUER.issueCrl(List.of(), NOW, NOW.plus(Duration.ofDays(1)));

    assertThatThrownBy(() -> TrustMaterial.forAgent(NODE, CLIENT_ISSUER.certificate(), foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client issuer");
    assertThatThrownBy(
            () -> TrustMaterial.forAgent(NODE, CLIENT_ISSUER.certificate(), fromNodeIssuer))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void panelRefusesNodeCertificateFromAnotherCa() throws Exception {
    KeyAndCertificate impostor = TrustFixtures.node(OTHER_CA, "7", "127.0.0.1");

    assertPanelRefuses(agentAccepting(impostorAgent(impostor), PANEL));
  }

  @Test
  void panelRefusesNodeWhoseCertificateNamesAnotherAddress() throws Exception {
    KeyAndCertificate otherIp = TrustFixtures.node(NODE_ISSUER, "8", "10.1.2.3");
    KeyAndCertificate dnsName = TrustFixtures.node(NODE_ISSUER, "9", "node9.example.net");

    Outcome wrongIp = agentAccepting(impostorAgent(otherIp), PANEL);
    assertPanelRefuses(wrongIp);
    assertThat(causes(wrongIp.clientError())).contains("127.0.0.1");
    assertPanelRefuses(agentAccepting(impostorAgent(dnsName), PANEL));
  }

  @Test
  void panelRefusesNodeWhenEndpointIdentificationIsOff() throws Exception {
    var withoutCheck = TrustMaterial.panelParameters(PANEL);
    withoutCheck.setEndpointIdentificationAlgorithm(null);

    Outcome outcome =
        TlsProbe.connect(AGENT, TrustMaterial.agentParameters(AGENT), PANEL, withoutCheck);

    assertPanelRefuses(outcome);
    assertThat(causes(outcome.clientError())).contains("endpoint identification");
  }

  private static Outcome agentAccepting(SSLContext agent, SSLContext client) throws Exception {
    return TlsProbe.connect(
        agent, TrustMaterial.agentParameters(agent), client, TrustMaterial.panelParameters(client));
  }

  private static SSLContext attacker(KeyAndCertificate presented) throws Exception {
    return TlsProbe.presenting(presented, PinnedTrustManager.forServers(NODE_ISSUER.certificate()));
  }

  private static SSLContext impostorAgent(KeyAndCertificate presented) throws Exception {
    return TlsProbe.presenting(
        presented, PinnedTrustManager.forClients(CLIENT_ISSUER.certificate(), null));
  }

  private static void assertAgentRefuses(Outcome outcome) {
    assertThat(outcome.clientRead()).as("client must not get a reply").isNull();
    assertThat(outcome.serverError()).isInstanceOf(SSLHandshakeException.class);
    assertThat(outcome.serverSawClient()).isNull();
  }

  private static void assertPanelRefuses(Outcome outcome) {
    assertThat(outcome.clientRead()).isNull();
    assertThat(outcome.clientError()).isInstanceOf(SSLHandshakeException.class);
    assertThat(outcome.clientSawServer()).isNull();
  }

  private static String causes(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
