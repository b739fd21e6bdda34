package bench;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.KeyAndCertificate;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import dev.fleetpanel.node.trust.Validity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The panel's two issuers and what they sign, made in memory for one run as the panel makes them: a
 * node certificate for 127.0.0.1 from the node's CSR, a panel client certificate, an empty CRL.
 */
final class Pki {

  /** The address in the node certificate; the panel checks it, so the bench dials exactly this. */
  static final String ADDRESS = "127.0.0.1";

  private final Issuer nodeIssuer;
  private final Issuer clientIssuer;
  private final Validity validity;
  private final Instant now = Instant.now();

  Pki() {
    Instant start = now.minusSeconds(60);
    nodeIssuer = Issuer.create("bench node issuer", 1, start);
    clientIssuer = Issuer.create("bench client issuer", 1, start);
    validity = Validity.starting(start, Duration.ofDays(1));
  }

  /**
   * Writes what enrolment would leave on a node (node.key 0600, node.crt, client-issuer.crt,
   * client.crl) into {@code dir}, the agent's FLEETPANEL_NODE_DIR.
   */
  void writeEnrolledFiles(Path dir) throws IOException {
    NodeKeyRequest request = CsrFactory.create();
    X509Certificate certificate =
        nodeIssuer.issueNodeCertificate(request.csrDer(), "bench", ADDRESS, validity);
    KeyAndCertificate node = new KeyAndCertificate(request.privateKey(), certificate);
    String crl =
        Pem.crl(clientIssuer.issueCrl(List.of(), now.minusSeconds(60), now.plusSeconds(86_400)));
    write(dir.resolve("node.key"), node.privateKeyPem(), "rw-------");
    write(dir.resolve("node.crt"), node.certificatePem(), "rw-r--r--");
    write(dir.resolve("client-issuer.crt"), clientIssuer.certificatePem(), "rw-r--r--");
    write(dir.resolve("client.crl"), crl, "rw-r--r--");
  }

  /** The panel's side: a client certificate from the client issuer, trusting the node issuer. */
  SSLContext panelContext() {
    return TrustMaterial.forPanel(
        clientIssuer.issueClientCertificate("fleetpanel", validity), nodeIssuer.certificate());
  }

  private static void write(Path file, String pem, String permissions) throws IOException {
    Files.writeString(file, pem, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }
}
