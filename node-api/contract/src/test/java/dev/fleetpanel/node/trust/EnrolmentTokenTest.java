package dev.fleetpanel.node.trust;

import static dev.fleetpanel.node.trust.TrustFixtures.CLIENT_ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EnrolmentTokenTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final URI PANEL = URI.create("https://panel.example.net/x7Kq2-secret-path/");

  private final EnrolmentToken token =
      EnrolmentToken.issue(PANEL, CLIENT_ISSUER.fingerprint(), NOW);

  @Test
  void encodesToACopyPasteSafeStringAndBack() {
    String encoded = token.encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    EnrolmentToken decoded = EnrolmentToken.decode("  " + encoded + "\n");
    assertThat(decoded).isEqualTo(token);
    assertThat(decoded.panelUrl()).isEqualTo(PANEL);
    assertThat(decoded.clientIssuerFingerprint()).isEqualTo(CLIENT_ISSUER.fingerprint());
    assertThat(decoded.secret()).hasSize(32).isEqualTo(token.secret());
    assertThat(decoded.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void expiresAfter24Hours() {
    assertThat(token.isExpiredAt(NOW.plus(Duration.ofHours(23)))).isFalse();
    assertThat(token.isExpiredAt(NOW.plus(Duration.ofHours(24)))).isTrue();
  }

  @Test
  void eachTokenHasItsOwnIdAndSecret() {
    EnrolmentToken other = EnrolmentToken.issue(PANEL, CLIENT_ISSUER.fingerprint(), NOW);

    assertThat(other.tokenId()).isNotEqualTo(token.tokenId());
    assertThat(other.secret()).isNotEqualTo(token.secret());
  }

  @Test
  void fingerprintPinsTheClientIssuer() {
    assertThat(
            CertificateFingerprint.matches(
                CLIENT_ISSUER.certificate(), token.clientIssuerFingerprint()))
        .isTrue();
    assertThat(
            CertificateFingerprint.matches(
                TrustFixtures.NODE_ISSUER.certificate(), token.clientIssuerFingerprint()))
        .isFalse();
  }

  @Test
  void garbageTruncatedAndAlteredTokensAreRefused() {
    String encoded = token.encode();

    assertRefused("", "empty");
    assertRefused("not a token!", "not a Fleet Panel token");
    assertRefused(b64("hello\nworld"), "not a Fleet Panel token");
    assertRefused(encoded.substring(0, encoded.length() / 2), "enrolment token");
    assertRefused(encoded.substring(0, encoded.length() - 1), "enrolment token");
    assertRefused(encoded + "AAAA", "enrolment token");
    assertRefused(mistyped(encoded, encoded.length() / 2), "enrolment token");
    assertRefused(mistyped(encoded, encoded.length() - 20), "enrolment token");
    assertRefused(b64(text().replace("expires=1", "expires=2")), "damaged");
    assertRefused(
        rechecked(text().replace("fingerprint=", "fingerprint=zz")), "fingerprint is malformed");
    assertRefused(rechecked(text().replace("expires=", "expires=-")), "expiry is malformed");
    assertRefused(rechecked(text().replace("https://", "ftp://")), "http(s) URL");
    assertRefused(rechecked(text().replace("\nid=", "\nidentity=")), "no id field");
    assertRefused(
        rechecked(text().replaceAll("secret=[A-Za-z0-9_-]+", "secret=AAAA")),
        "secret must be 32 bytes");
    assertRefused("A".repeat(5000), "not a Fleet Panel token");
  }

  @Test
  void noSecretInToStringOrMessages() {
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(token.secret());

    assertThat(token.toString())
        .contains(token.tokenId())
        .doesNotContain(secret)
        .doesNotContain("secret-path");
    assertThatThrownBy(
            () -> EnrolmentToken.decode(rechecked(text().replace("expires=", "expires=x"))))
        .message()
        .doesNotContain(secret)
        .doesNotContain("secret-path");
  }

  private String text() {
    return new String(Base64.getUrlDecoder().decode(token.encode()), StandardCharsets.UTF_8);
  }

  /**
   * The token text with a changed field and a check that matches again, to reach field validation.
   */
  private static String rechecked(String text) {
    String body = text.substring(0, text.lastIndexOf('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return b64(body + "\ncheck=" + HexFormat.of().formatHex(digest, 0, 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mistyped(String encoded, int at) {
    char replacement = encoded.charAt(at) == 'A' ? 'B' : 'A';
    return encoded.substring(0, at) + replacement + encoded.substring(at + 1);
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(String encoded, String message) {
    assertThatThrownBy(() -> EnrolmentToken.decode(encoded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
