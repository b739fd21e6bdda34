package dev.fleetpanel.node.trust;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a CSR comes from the holder of an enrolment token: HMAC-SHA256 over the CSR's DER
 * bytes, keyed with the token's secret. The secret itself never travels; a changed CSR or another
 * secret gives a different proof. Verification compares in constant time.
 */
public final class EnrolmentProof {

  private static final String HMAC = "HmacSHA256";

  private EnrolmentProof() {}

  /** The 32-byte HMAC-SHA256 of {@code csrDer} under {@code secret}. */
  public static byte[] compute(byte[] secret, byte[] csrDer) {
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("enrolment secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac.doFinal(csrDer);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is not available", e);
    }
  }

  public static byte[] compute(EnrolmentToken token, byte[] csrDer) {
    return compute(token.secret(), csrDer);
  }

  /** Whether {@code proof} is the HMAC of {@code csrDer} under {@code secret} (constant time). */
  public static boolean verify(byte[] secret, byte[] csrDer, byte[] proof) {
    if (proof == null || csrDer == null) {
      return false;
    }
    return MessageDigest.isEqual(compute(secret, csrDer), proof);
  }
}
