package dev.fleetpanel.node.trust;

import static dev.fleetpanel.node.trust.TrustFixtures.CLIENT_ISSUER;
import static dev.fleetpanel.node.trust.TrustFixtures.NODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PemTest {

  @Test
  void keyAndCertificateSurvivePemRoundTrip() {
    KeyAndCertificate copy = KeyAndCertificate.fromPem(NODE.privateKeyPem(), NODE.certificatePem());

    assertThat(copy.certificate()).isEqualTo(NODE.certificate());
    assertThat(copy.privateKey().getEncoded()).isEqualTo(NODE.privateKey().getEncoded());
    assertThat(NODE.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(NODE.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
  }

  @Test
  void textAroundTheBlockIsIgnored() {
    String pem =
        "subject=CN=x\r\n" + CLIENT_ISSUER.certificatePem().replace("\n", "\r\n") + "trailer";

    assertThat(Pem.parseCertificate(pem)).isEqualTo(CLIENT_ISSUER.certificate());
  }

  @Test
  void csrSurvivesPemRoundTrip() {
    NodeKeyRequest request = CsrFactory.create();

    assertThat(Pem.parseCsr(request.csrPem())).isEqualTo(request.csrDer());
    assertThat(CsrFactory.verifiedPublicKey(Pem.parseCsr(request.csrPem())).getAlgorithm())
        .isEqualTo("EC");
  }

  @Test
  void garbageIsRefusedWithoutQuotingIt() {
    String truncated = NODE.certificatePem().substring(0, 120);
    String notACert = Pem.encode("CERTIFICATE", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> Pem.parseCertificate("hello"))
        .hasMessage("no PEM CERTIFICATE block found");
    assertThatThrownBy(() -> Pem.parseCertificate(truncated))
        .hasMessage("no PEM CERTIFICATE block found");
    assertThatThrownBy(() -> Pem.parseCertificate(notACert))
        .hasMessage("PEM CERTIFICATE is not an X.509 certificate");
    assertThatThrownBy(() -> Pem.parsePrivateKey(NODE.certificatePem()))
        .hasMessage("no PEM PRIVATE KEY block found");
    assertThatThrownBy(() -> Pem.parsePrivateKey(Pem.encode("PRIVATE KEY", new byte[] {5})))
        .hasMessage("PEM PRIVATE KEY is not a PKCS#8 EC private key");
  }

  @Test
  void toStringNeverShowsKeys() {
    NodeKeyRequest request = CsrFactory.create();

    assertThat(NODE.toString())
        .contains("CN=node-7")
        .doesNotContain("PRIVATE")
        .doesNotContain("EC");
    assertThat(request.toString()).startsWith("NodeKeyRequest[csr ").doesNotContain("EC");
  }
}
