package dev.fleetpanel.panel.testing;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.node.EnrolmentService;
import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * A node enrolled the way the agent's {@code enroll} does it: a token, a key made here, its CSR.
 */
public record EnrolledNode(NodeKeyRequest request, EnrolmentService.Enrolled enrolled) {

  public static EnrolledNode enrol(EnrolmentService enrolment, long serverId, Actor actor) {
    EnrolmentToken token =
        EnrolmentToken.decode(
            enrolment.issueToken(serverId, URI.create("http://127.0.0.1/x/"), actor).token());
    NodeKeyRequest request = CsrFactory.create();
    EnrolmentService.Enrolled enrolled =
        enrolment.enroll(
            token.tokenId(),
            request.csrDer(),
            EnrolmentProof.compute(token, request.csrDer()),
            actor);
    return new EnrolledNode(request, enrolled);
  }

  public String keyPem() {
    return Pem.privateKey(request.privateKey());
  }

  /** The TLS context the agent would serve with. */
  public SSLContext agentContext() {
    return TrustMaterial.forAgent(
        keyPem(), enrolled.certificate(), enrolled.clientIssuer(), enrolled.clientCrl());
  }
}
