package dev.fleetpanel.node.trust;

import java.time.Duration;
import java.time.Instant;

/** Issuers and certificates shared by the trust tests; keys are made once per test run. */
final class TrustFixtures {

  static final Instant NOW = Instant.now();
  static final Validity ONE_DAY =
      new Validity(NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofDays(1)));

  static final Issuer NODE_ISSUER =
      Issuer.create("Fleet Panel node issuer", 10, NOW.minusSeconds(60));
  static final Issuer CLIENT_ISSUER =
      Issuer.create("Fleet Panel client issuer", 10, NOW.minusSeconds(60));
  static final Issuer OTHER_CA = Issuer.create("Someone else", 10, NOW.minusSeconds(60));

  static final KeyAndCertificate PANEL_CLIENT =
      CLIENT_ISSUER.issueClientCertificate("fleetpanel", ONE_DAY);

  /** A node enrolled at 127.0.0.1: key made on the node, certificate issued from its CSR. */
  static final KeyAndCertificate NODE = node(NODE_ISSUER, "7", "127.0.0.1");

  private TrustFixtures() {}

  static KeyAndCertificate node(Issuer issuer, String id, String address) {
    NodeKeyRequest request = CsrFactory.create();
    return new KeyAndCertificate(
        request.privateKey(), issuer.issueNodeCertificate(request.csrDer(), id, address, ONE_DAY));
  }
}
