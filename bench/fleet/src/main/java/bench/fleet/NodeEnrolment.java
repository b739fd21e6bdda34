package bench.fleet;

import dev.fleetpanel.node.trust.CertificateFingerprint;
import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * Adds one node to the panel and enrols it the way the real agent's {@code enroll} command does: a
 * key made here, a CSR with an HMAC proof of the token's secret, the client issuer checked against
 * the token's fingerprint, and the agent's TLS context built from the answer. Only the address
 * differs: the enrolment is posted to the panel URL the simulator was given, not the one in the
 * token, which may be a public address this machine cannot reach.
 */
final class NodeEnrolment {

  private final PanelClient panel;

  NodeEnrolment(PanelClient panel) {
    this.panel = panel;
  }

  /** The new server's id and the node's TLS context. */
  record Enrolled(String serverId, SSLContext tls) {}

  Enrolled enrol(String name, int port) throws IOException {
    String serverId = panel.createServer(name, FleetServer.ADDRESS, port);
    EnrolmentToken token = EnrolmentToken.decode(panel.enrolmentToken(serverId));
    NodeKeyRequest request = CsrFactory.create();
    byte[] csr = request.csrDer();
    Base64.Encoder b64 = Base64.getEncoder();
    JsonObject answer =
        panel.enroll(
            token.tokenId(),
            b64.encodeToString(csr),
            b64.encodeToString(EnrolmentProof.compute(token, csr)));
    String issuer = answer.getString("client_issuer");
    if (!CertificateFingerprint.matches(
        Pem.parseCertificate(issuer), token.clientIssuerFingerprint())) {
      throw new IOException(name + ": the client issuer does not match the token's fingerprint");
    }
    SSLContext tls =
        TrustMaterial.forAgent(
            Pem.privateKey(request.privateKey()),
            answer.getString("certificate"),
            issuer,
            answer.getString("client_crl"));
    return new Enrolled(serverId, tls);
  }
}
