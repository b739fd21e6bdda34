package dev.fleetpanel.node.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with the certificate for its public key: what one side of a TLS connection
 * presents. {@link #toString()} names the certificate only, never the key.
 */
public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {

  public KeyAndCertificate {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** From a PKCS#8 EC key PEM and a certificate PEM. */
  public static KeyAndCertificate fromPem(String privateKeyPem, String certificatePem) {
    return new KeyAndCertificate(
        Pem.parsePrivateKey(privateKeyPem), Pem.parseCertificate(certificatePem));
  }

  public String privateKeyPem() {
    return Pem.privateKey(privateKey);
  }

  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  @Override
  public String toString() {
    return "KeyAndCertificate["
        + certificate.getSubjectX500Principal().getName()
        + ", serial "
        + certificate.getSerialNumber().toString(16)
        + "]";
  }
}
