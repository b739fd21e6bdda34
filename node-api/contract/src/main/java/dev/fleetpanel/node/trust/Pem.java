package dev.fleetpanel.node.trust;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text for certificates, CRLs, CSRs and PKCS#8 EC private keys. Decoding takes the first block
 * of the expected type and ignores text around it; anything unreadable is an {@link
 * IllegalArgumentException} whose message names the type, never the content.
 */
public final class Pem {

  static final String CERTIFICATE = "CERTIFICATE";
  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String CRL = "X509 CRL";
  static final String CSR = "CERTIFICATE REQUEST";

  private Pem() {}

  /** Wraps DER bytes in a PEM block of the given type (64-character lines). */
  public static String encode(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** The DER bytes of the first PEM block of the given type. */
  public static byte[] decode(String type, String pem) {
    if (pem == null) {
      throw new IllegalArgumentException("no PEM " + type + " given");
    }
    Matcher m =
        Pattern.compile(
                "-----BEGIN "
                    + Pattern.quote(type)
                    + "-----([A-Za-z0-9+/=\\s]*)-----END "
                    + Pattern.quote(type)
                    + "-----")
            .matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("no PEM " + type + " block found");
    }
    try {
      return Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM " + type + " block is not valid base64");
    }
  }

  public static String certificate(X509Certificate certificate) {
    try {
      return encode(CERTIFICATE, certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }

  public static X509Certificate parseCertificate(String pem) {
    byte[] der = decode(CERTIFICATE, pem);
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("PEM CERTIFICATE is not an X.509 certificate");
    }
  }

  public static String privateKey(PrivateKey key) {
    return encode(PRIVATE_KEY, key.getEncoded());
  }

  /** An EC private key in PKCS#8 form ({@code BEGIN PRIVATE KEY}). */
  public static PrivateKey parsePrivateKey(String pem) {
    byte[] der = decode(PRIVATE_KEY, pem);
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("PEM PRIVATE KEY is not a PKCS#8 EC private key");
    }
  }

  public static String crl(X509CRL crl) {
    try {
      return encode(CRL, crl.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("CRL cannot be encoded", e);
    }
  }

  public static X509CRL parseCrl(String pem) {
    byte[] der = decode(CRL, pem);
    try {
      return (X509CRL)
          CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("PEM X509 CRL is not a CRL");
    }
  }

  public static String csr(byte[] csrDer) {
    return encode(CSR, csrDer);
  }

  public static byte[] parseCsr(String pem) {
    return decode(CSR, pem);
  }
}
