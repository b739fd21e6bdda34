package dev.fleetpanel.node.trust;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * A certificate authority (EC P-256, SHA256withECDSA): a self-signed CA certificate ({@code
 * CA:true, pathLen 0}, key usage keyCertSign and cRLSign only) and its private key.
 *
 * <p>The panel holds two issuers. The <em>node issuer</em> signs node server certificates ({@link
 * #issueNodeCertificate}); the <em>client issuer</em> signs only the panel's client certificate
 * ({@link #issueClientCertificate}). An agent trusts only the client issuer for clients, so a node
 * certificate stolen from one node is never accepted as the panel by another node, even though it
 * was signed by a key the panel holds. pathLen 0 means neither issuer can make further CAs.
 *
 * <p>Every certificate gets a random 128-bit serial, so serials never repeat and can be revoked one
 * by one. {@link #toString()} names the CA; the private key leaves only through {@link
 * #privateKeyPem()}.
 */
public final class Issuer {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  private Issuer(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /** A new CA with a fresh key, valid from {@code now} for {@code validityYears} years. */
  public static Issuer create(String commonName, int validityYears, Instant now) {
    if (validityYears < 1) {
      throw new IllegalArgumentException("validityYears must be at least 1");
    }
    KeyPair keys = Keys.generateEcKeyPair();
    Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(validityYears).toInstant();
    X500Name name = X509Parts.commonName(commonName);
    X509v3CertificateBuilder builder =
        X509Parts.builder(name, name, new Validity(now, notAfter), keys.getPublic());
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issuer(X509Parts.sign(builder, keys.getPrivate()), keys.getPrivate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("CA certificate cannot be built", e);
    }
  }

  /** An issuer read back from {@link #certificatePem()} and {@link #privateKeyPem()}. */
  public static Issuer fromPem(String certificatePem, String privateKeyPem) {
    X509Certificate cert = Pem.parseCertificate(certificatePem);
    PrivateKey key = Pem.parsePrivateKey(privateKeyPem);
    if (cert.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("certificate is not a CA certificate");
    }
    if (!Keys.matches(key, cert.getPublicKey())) {
      throw new IllegalArgumentException("private key does not belong to the CA certificate");
    }
    return new Issuer(cert, key);
  }

  /**
   * A client certificate for the panel with a fresh key: extended key usage clientAuth only, so it
   * can never serve as a TLS server certificate.
   */
  public KeyAndCertificate issueClientCertificate(String commonName, Validity validity) {
    KeyPair keys = Keys.generateEcKeyPair();
    X509Certificate cert =
        issueLeaf(
            X509Parts.commonName(commonName),
            keys.getPublic(),
            validity,
            KeyPurposeId.id_kp_clientAuth,
            null);
    return new KeyAndCertificate(keys.getPrivate(), cert);
  }

  /**
   * A node server certificate for the key in a PKCS#10 CSR (DER). The CSR's signature must verify
   * (the node holds the key); its requested subject and extensions are ignored: the subject is
   * {@code CN=node-<nodeId>}, the only subjectAltName is {@code address} (an IP address literal or
   * a DNS name, the address the panel dials), and extended key usage is serverAuth only, so the
   * certificate can never authenticate a client.
   */
  public X509Certificate issueNodeCertificate(
      byte[] csrDer, String nodeId, String address, Validity validity) {
    if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("node id must be 1-63 letters, digits or '-'");
    }
    PublicKey key = CsrFactory.verifiedPublicKey(csrDer);
    GeneralNames san = new GeneralNames(X509Parts.subjectAltName(address));
    return issueLeaf(
        X509Parts.commonName("node-" + nodeId), key, validity, KeyPurposeId.id_kp_serverAuth, san);
  }

  /**
   * A CRL listing {@code revokedSerials}, valid from {@code thisUpdate} until {@code nextUpdate}.
   * The CRL number is {@code thisUpdate} in milliseconds, so later CRLs have higher numbers.
   */
  public X509CRL issueCrl(
      Collection<BigInteger> revokedSerials, Instant thisUpdate, Instant nextUpdate) {
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
    }
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
            X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
            Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(nextUpdate));
    for (BigInteger serial : revokedSerials) {
      builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.unspecified);
    }
    try {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
      builder.addExtension(
          Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(thisUpdate.toEpochMilli())));
      X509CRLHolder holder = builder.build(X509Parts.signer(privateKey));
      return new JcaX509CRLConverter().getCRL(holder);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("CRL cannot be built", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  /**
   * The CA's private key as PKCS#8 PEM: secret, to be stored encrypted or with restricted access.
   */
  public String privateKeyPem() {
    return Pem.privateKey(privateKey);
  }

  /** SHA-256 of the DER CA certificate, lower-case hex. */
  public String fingerprint() {
    return CertificateFingerprint.sha256Hex(certificate);
  }

  @Override
  public String toString() {
    return "Issuer[" + certificate.getSubjectX500Principal().getName() + "]";
  }

  private X509Certificate issueLeaf(
      X500Name subject, PublicKey key, Validity validity, KeyPurposeId purpose, GeneralNames san) {
    X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder = X509Parts.builder(issuer, subject, validity, key);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      if (san != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, san);
      }
      return X509Parts.sign(builder, privateKey);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("certificate cannot be built", e);
    }
  }
}
