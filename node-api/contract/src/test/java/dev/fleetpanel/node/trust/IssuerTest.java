package dev.fleetpanel.node.trust;

import static dev.fleetpanel.node.trust.TrustFixtures.CLIENT_ISSUER;
import static dev.fleetpanel.node.trust.TrustFixtures.NODE_ISSUER;
import static dev.fleetpanel.node.trust.TrustFixtures.NOW;
import static dev.fleetpanel.node.trust.TrustFixtures.ONE_DAY;
import static dev.fleetpanel.node.trust.TrustFixtures.OTHER_CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuerTest {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @Test
  void newIssuerIsASelfSignedCaThatCannotMakeFurtherCas() throws Exception {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    X509Certificate ca = Issuer.create("Fleet Panel node issuer", 10, start).certificate();

    ca.verify(ca.getPublicKey());
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Fleet Panel node issuer");
    assertThat(ca.getBasicConstraints()).isZero();
    // keyCertSign (5) and cRLSign (6) only
    assertThat(ca.getKeyUsage())
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(start);
    assertThat(ca.getNotAfter().toInstant())
        .isEqualTo(start.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
  }

  @Test
  void clientCertificateIsForClientAuthOnly() throws Exception {
    X509Certificate cert =
        CLIENT_ISSUER.issueClientCertificate("fleetpanel", ONE_DAY).certificate();

    cert.verify(CLIENT_ISSUER.certificate().getPublicKey());
    assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=fleetpanel");
    assertThat(cert.getNotAfter().toInstant())
        .isEqualTo(ONE_DAY.notAfter().truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void nodeCertificateFromCsrIgnoresRequestedSubjectAndNamesTheAddress() throws Exception {
    NodeKeyRequest request = CsrFactory.create();

    X509Certificate cert =
        NODE_ISSUER.issueNodeCertificate(request.csrDer(), "42", "127.0.0.1", ONE_DAY);

    cert.verify(NODE_ISSUER.certificate().getPublicKey());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=node-42");
    assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    assertThat(Keys.matches(request.privateKey(), cert.getPublicKey())).isTrue();
  }

  @Test
  void nodeAddressMayBeADnsNameOrIpv6() throws Exception {
    byte[] csr = CsrFactory.create().csrDer();

    assertThat(
            NODE_ISSUER
                .issueNodeCertificate(csr, "1", "node1.example.net", ONE_DAY)
                .getSubjectAlternativeNames())
        .containsExactly(List.of(2, "node1.example.net"));
    assertThat(
            NODE_ISSUER
                .issueNodeCertificate(csr, "1", "2001:db8::1", ONE_DAY)
                .getSubjectAlternativeNames())
        .hasSize(1)
        .allSatisfy(name -> assertThat(name.get(0)).isEqualTo(7));
  }

  @Test
  void badNodeIdAddressOrCsrIsRefused() {
    byte[] csr = CsrFactory.create().csrDer();
    byte[] badSignature = csr.clone();
    badSignature[badSignature.length - 3] ^= 0x01;

    assertThatThrownBy(() -> NODE_ISSUER.issueNodeCertificate(csr, "a,b=c", "127.0.0.1", ONE_DAY))
        .hasMessageContaining("node id");
    assertThatThrownBy(() -> NODE_ISSUER.issueNodeCertificate(csr, "1", "bad host!", ONE_DAY))
        .hasMessageContaining("IP address or a DNS name");
    assertThatThrownBy(
            () -> NODE_ISSUER.issueNodeCertificate(new byte[] {1, 2, 3}, "1", "127.0.0.1", ONE_DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PKCS#10");
    assertThatThrownBy(
            () -> NODE_ISSUER.issueNodeCertificate(badSignature, "1", "127.0.0.1", ONE_DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void serialsAreRandomPositiveAndAtMost128Bits() {
    BigInteger a =
        CLIENT_ISSUER.issueClientCertificate("a", ONE_DAY).certificate().getSerialNumber();
    BigInteger b =
        CLIENT_ISSUER.issueClientCertificate("b", ONE_DAY).certificate().getSerialNumber();

    assertThat(a).isPositive().isNotEqualTo(b);
    assertThat(a.bitLength()).isLessThanOrEqualTo(128);
  }

  @Test
  void crlListsRevokedSerialsAndIsSignedByTheIssuer() throws Exception {
    BigInteger revoked = BigInteger.valueOf(12345);
    Instant next = NOW.plus(Duration.ofDays(7));

    X509CRL crl = CLIENT_ISSUER.issueCrl(List.of(revoked), NOW, next);

    crl.verify(CLIENT_ISSUER.certificate().getPublicKey());
    assertThat(crl.getRevokedCertificate(revoked)).isNotNull();
    assertThat(crl.getRevokedCertificate(BigInteger.TEN)).isNull();
    assertThat(crl.getIssuerX500Principal())
        .isEqualTo(CLIENT_ISSUER.certificate().getSubjectX500Principal());
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(next.truncatedTo(ChronoUnit.SECONDS));
    assertThat(Pem.parseCrl(Pem.crl(crl))).isEqualTo(crl);
  }

  @Test
  void issuerSurvivesAPemRoundTripAndKeepsSigning() throws Exception {
    Issuer copy = Issuer.fromPem(NODE_ISSUER.certificatePem(), NODE_ISSUER.privateKeyPem());

    assertThat(copy.certificate()).isEqualTo(NODE_ISSUER.certificate());
    assertThat(copy.fingerprint()).isEqualTo(NODE_ISSUER.fingerprint()).hasSize(64);
    copy.issueNodeCertificate(CsrFactory.create().csrDer(), "1", "127.0.0.1", ONE_DAY)
        .verify(NODE_ISSUER.certificate().getPublicKey());
    assertThat(copy.toString()).doesNotContain("PRIVATE").contains("node issuer");
  }

  @Test
  void issuerFromPemRefusesAForeignKeyOrALeafCertificate() {
    KeyAndCertificate leaf = CLIENT_ISSUER.issueClientCertificate("x", ONE_DAY);

    assertThatThrownBy(() -> Issuer.fromPem(NODE_ISSUER.certificatePem(), OTHER_CA.privateKeyPem()))
        .hasMessageContaining("does not belong");
    assertThatThrownBy(() -> Issuer.fromPem(leaf.certificatePem(), leaf.privateKeyPem()))
        .hasMessageContaining("not a CA");
  }

  @Test
  void validityMustEndAfterItStarts() {
    assertThatThrownBy(() -> new Validity(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Issuer.create("x", 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
