package dev.fleetpanel.node.agent;

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

/** The panel's two issuers and what they sign, built in memory for tests (as the panel would). */
public final class TestPki {

  public static final Instant NOW = Instant.now();
  public static final Validity ONE_DAY =
      Validity.starting(NOW.minusSeconds(60), Duration.ofDays(1));
  public static final Issuer NODE_ISSUER =
      Issuer.create("test node issuer", 1, NOW.minusSeconds(60));
  public static final Issuer CLIENT_ISSUER =
      Issuer.create("test client issuer", 1, NOW.minusSeconds(60));

  private TestPki() {}

  /** A node's key and its certificate for {@code 127.0.0.1}, signed from its CSR. */
  public static KeyAndCertificate node() {
    NodeKeyRequest request = CsrFactory.create();
    X509Certificate cert =
        NODE_ISSUER.issueNodeCertificate(request.csrDer(), "1", "127.0.0.1", ONE_DAY);
    return new KeyAndCertificate(request.privateKey(), cert);
  }

  public static String emptyCrlPem() {
    return Pem.crl(CLIENT_ISSUER.issueCrl(List.of(), NOW.minusSeconds(60), NOW.plusSeconds(3600)));
  }

  /** The agent's TLS context for {@code node}, trusting the client issuer, with an empty CRL. */
  public static SSLContext agentContext(KeyAndCertificate node) {
    return TrustMaterial.forAgent(
        node.privateKeyPem(), node.certificatePem(), CLIENT_ISSUER.certificatePem(), emptyCrlPem());
  }

  /** The panel's TLS context: a fresh client certificate, trusting the node issuer. */
  public static SSLContext panelContext() {
    return TrustMaterial.forPanel(
        CLIENT_ISSUER.issueClientCertificate("fleetpanel", ONE_DAY), NODE_ISSUER.certificate());
  }
}
