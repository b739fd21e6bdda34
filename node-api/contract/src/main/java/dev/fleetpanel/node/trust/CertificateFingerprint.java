package dev.fleetpanel.node.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 fingerprint of a certificate: lower-case hex of the digest of its DER encoding. */
public final class CertificateFingerprint {

  private CertificateFingerprint() {}

  public static String sha256Hex(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("certificate cannot be fingerprinted", e);
    }
  }

  /** Whether the certificate has this fingerprint (hex, either case); compared in constant time. */
  public static boolean matches(X509Certificate certificate, String expectedHex) {
    byte[] actual = sha256Hex(certificate).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = expectedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(actual, expected);
  }
}
