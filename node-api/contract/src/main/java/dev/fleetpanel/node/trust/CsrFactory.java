package dev.fleetpanel.node.trust;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The node side of enrolment: a fresh EC P-256 key pair and a PKCS#10 CSR signed with it. Only the
 * CSR (public key and signature) is sent to the panel; the private key never leaves the node.
 */
public final class CsrFactory {

  /** The subject the node asks for; the panel ignores it and sets {@code CN=node-<id>}. */
  static final String REQUESTED_SUBJECT = "CN=fleetpanel-node";

  private CsrFactory() {}

  /** A new key pair and a CSR for it. */
  public static NodeKeyRequest create() {
    KeyPair keys = Keys.generateEcKeyPair();
    try {
      PKCS10CertificationRequest csr =
          new JcaPKCS10CertificationRequestBuilder(
                  new X500Name(REQUESTED_SUBJECT), keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      return new NodeKeyRequest(keys.getPrivate(), csr.getEncoded());
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("CSR cannot be built", e);
    }
  }

  /**
   * The EC public key of a DER CSR whose self-signature verifies, proving the requester holds the
   * private key.
   *
   * @throws IllegalArgumentException if the bytes are not a CSR, the key is not EC, or the
   *     signature does not verify
   */
  public static PublicKey verifiedPublicKey(byte[] csrDer) {
    JcaPKCS10CertificationRequest csr;
    PublicKey key;
    try {
      csr = new JcaPKCS10CertificationRequest(csrDer);
      key = csr.getPublicKey();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a PKCS#10 certificate request");
    }
    if (!"EC".equals(key.getAlgorithm())) {
      throw new IllegalArgumentException("certificate request key must be EC");
    }
    try {
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new IllegalArgumentException("certificate request signature does not verify");
      }
    } catch (OperatorCreationException | PKCSException e) {
      throw new IllegalArgumentException("certificate request signature cannot be verified");
    }
    return key;
  }
}
