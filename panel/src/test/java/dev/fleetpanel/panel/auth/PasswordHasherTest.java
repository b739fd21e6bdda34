package dev.fleetpanel.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full-cost PBKDF2 derivation takes a noticeable fraction of a second, so the class makes only
 * three (two hashes, one check); the other cases use hashes in the same stored format at a low
 * iteration count.
 */
class PasswordHasherTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static String stored;
  private static String storedFromPaste;

  @BeforeAll
  static void hashTwice() {
    stored = PasswordHasher.hash(PASSWORD);
    storedFromPaste = PasswordHasher.hash(" \t" + PASSWORD + "\n");
  }

  /** A stored hash in the documented format, at a low cost so the test stays fast. */
  private static String cheapHash(String password, int iterations) throws Exception {
    byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  @Test
  void hashIsStoredInTheDocumentedFormatWithoutThePassword() {
    assertThat(stored)
        .startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$")
        .doesNotContain(PASSWORD);
    assertThat(stored.split("\\$")).hasSize(4);
  }

  @Test
  void passwordPastedWithSurroundingWhitespaceMatchesWhenTypedWithout() {
    assertThat(PasswordHasher.matches(PASSWORD, storedFromPaste)).isTrue();
  }

  @Test
  void hashesOfOnePasswordDifferBecauseOfTheSalt() {
    assertThat(storedFromPaste).isNotEqualTo(stored);
    assertThat(storedFromPaste.split("\\$")[2]).isNotEqualTo(stored.split("\\$")[2]);
  }

  @Test
  void surroundingWhitespaceIsIgnoredWhenChecking() throws Exception {
    String hash = cheapHash("hunter2-hunter2", 1000);

    assertThat(PasswordHasher.matches(" hunter2-hunter2\r\n", hash)).isTrue();
  }

  @Test
  void wrongPasswordFails() throws Exception {
    String hash = cheapHash("hunter2-hunter2", 1000);

    assertThat(PasswordHasher.matches("hunter2-hunter3", hash)).isFalse();
    assertThat(PasswordHasher.matches("", hash)).isFalse();
  }

  @Test
  void hashStoredAtAnotherCostStillVerifies() throws Exception {
    String older = cheapHash("hunter2-hunter2", 1000);

    assertThat(PasswordHasher.matches("hunter2-hunter2", older)).isTrue();
  }

  @Test
  void whitespaceInsideThePasswordCounts() throws Exception {
    String hash = cheapHash("two words", 1000);

    assertThat(PasswordHasher.matches("twowords", hash)).isFalse();
    assertThat(PasswordHasher.matches("two  words", hash)).isFalse();
  }

  @Test
  void passwordsAreCaseSensitive() throws Exception {
    assertThat(PasswordHasher.matches("Secret-Password", cheapHash("secret-password", 1000)))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "correct horse battery staple",
        "md5$1000$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA$AAAA",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA",
        // corrupted fields: the format is right but a value is not
        "pbkdf2-sha256$many$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA",
        "pbkdf2-sha256$$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA",
        "pbkdf2-sha256$0$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA",
        "pbkdf2-sha256$-1$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA",
        "pbkdf2-sha256$1000$not base64!$AAAA",
        "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$@@@@",
        "pbkdf2-sha256$1000$$AAAA"
      })
  void malformedStoredHashNeverMatches(String malformed) {
    assertThat(PasswordHasher.matches(PASSWORD, malformed)).isFalse();
  }
}
