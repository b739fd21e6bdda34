package dev.fleetpanel.node.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/** Names, serials and signing shared by everything {@link Issuer} makes (SHA256withECDSA). */
final class X509Parts {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
              + "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private X509Parts() {}

  static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, Validity validity, PublicKey key) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        randomSerial(),
        Date.from(validity.notBefore()),
        Date.from(validity.notAfter()),
        subject,
        key);
  }

  static GeneralName subjectAltName(String address) {
    if (address != null && IPAddress.isValid(address)) {
      return new GeneralName(GeneralName.iPAddress, address);
    }
    if (address != null && DNS_NAME.matcher(address).matches()) {
      return new GeneralName(GeneralName.dNSName, address);
    }
    throw new IllegalArgumentException("node address must be an IP address or a DNS name");
  }

  static X500Name commonName(String commonName) {
    if (commonName == null || commonName.isBlank()) {
      throw new IllegalArgumentException("common name must not be blank");
    }
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  /** A positive random 128-bit serial (RFC 5280 allows up to 20 octets). */
  static BigInteger randomSerial() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new BigInteger(1, bytes).setBit(0);
  }

  static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    X509CertificateHolder holder = builder.build(signer(key));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(SIGNATURE).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("no " + SIGNATURE + " signer", e);
    }
  }
}
