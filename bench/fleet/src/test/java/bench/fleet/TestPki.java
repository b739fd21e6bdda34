package bench.fleet;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.KeyAndCertificate;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import dev.fleetpanel.node.trust.Validity;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The panel's two issuers built in memory, as the agent's tests do: node contexts as enrolment
 * would give them, and the panel's client context.
 */
final class TestPki {

  private static final Instant NOW = Instant.now();
  private static final Validity ONE_DAY =
      Validity.starting(NOW.minusSeconds(60), Duration.ofDays(1));
  private static final Issuer NODE_ISSUER =
      Issuer.create("test node issuer", 1, NOW.minusSeconds(60));
  private static final Issuer CLIENT_ISSUER =
      Issuer.create("test client issuer", 1, NOW.minusSeconds(60));

  private TestPki() {}

  /** A node's agent context: its certificate for 127.0.0.1, the client issuer, an empty CRL. */
  static SSLContext nodeContext(String nodeId) {
    NodeKeyRequest request = CsrFactory.create();
    X509Certificate cert =
        NODE_ISSUER.issueNodeCertificate(request.csrDer(), nodeId, "127.0.0.1", ONE_DAY);
    KeyAndCertificate node = new KeyAndCertificate(request.privateKey(), cert);
    String crl =
        Pem.crl(CLIENT_ISSUER.issueCrl(List.of(), NOW.minusSeconds(60), NOW.plusSeconds(3600)));
    return TrustMaterial.forAgent(
        node.privateKeyPem(), node.certificatePem(), CLIENT_ISSUER.certificatePem(), crl);
  }

  /** The panel's context: a client certificate, trusting only the node issuer. */
  static SSLContext panelContext() {
    return TrustMaterial.forPanel(
        CLIENT_ISSUER.issueClientCertificate("fleetpanel", ONE_DAY), NODE_ISSUER.certificate());
  }
}
