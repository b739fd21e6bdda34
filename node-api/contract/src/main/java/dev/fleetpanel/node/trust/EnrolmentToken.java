package dev.fleetpanel.node.trust;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The single-use token "Add server" shows, pasted into the node's installer: where the panel is
 * (its URL, including its secret path), the SHA-256 fingerprint of the panel's client issuer (so
 * the node can pin the issuer it will trust for clients), a token id and a 32-byte secret that
 * authenticates the node's CSR ({@link EnrolmentProof}), and an expiry ({@link #LIFETIME} after
 * issue).
 *
 * <p>Encoded form: base64url without padding of UTF-8 lines in a fixed order: {@code
 * fleetpanel-enrol-1}, {@code url=}, {@code fingerprint=}, {@code id=}, {@code secret=} (base64url)
 * {@code expires=} (epoch seconds) and {@code check=} (the first 8 hex digits of the SHA-256 of the
 * lines before it). It contains only {@code A-Z a-z 0-9 - _}, so it survives copy and paste and
 * shells; the check catches a token damaged on the way (truncated, mistyped), it is no security
 * measure (the proof is). Single use is the panel's job: it stores the id and consumes it on
 * enrolment. The secret and URL never appear in {@link #toString()} or in exception messages.
 */
public final class EnrolmentToken {

  public static final Duration LIFETIME = Duration.ofHours(24);
  static final String VERSION = "fleetpanel-enrol-1";
  private static final String[] KEYS = {"url", "fingerprint", "id", "secret", "expires"};
  private static final int SECRET_BYTES = 32;
  private static final int MAX_ENCODED_LENGTH = 4096;
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI panelUrl;
  private final String clientIssuerFingerprint;
  private final String tokenId;
  private final byte[] secret;
  private final Instant expiresAt;

  public EnrolmentToken(
      URI panelUrl,
      String clientIssuerFingerprint,
      String tokenId,
      byte[] secret,
      Instant expiresAt) {
    this.panelUrl = validUrl(Objects.requireNonNull(panelUrl, "panelUrl"));
    this.clientIssuerFingerprint = require(FINGERPRINT, clientIssuerFingerprint, "fingerprint");
    this.tokenId = require(TOKEN_ID, tokenId, "token id");
    if (secret == null || secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException("enrolment token secret must be 32 bytes");
    }
    this.secret = secret.clone();
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A new token with a random id and secret, expiring {@link #LIFETIME} after {@code now}. */
  public static EnrolmentToken issue(URI panelUrl, String clientIssuerFingerprint, Instant now) {
    byte[] id = new byte[12];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    return new EnrolmentToken(
        panelUrl, clientIssuerFingerprint, base64url(id), secret, now.plus(LIFETIME));
  }

  /** The copy-paste form; see the class comment. */
  public String encode() {
    String body =
        String.join(
            "\n",
            VERSION,
            "url=" + panelUrl,
            "fingerprint=" + clientIssuerFingerprint,
            "id=" + tokenId,
            "secret=" + base64url(secret),
            "expires=" + expiresAt.getEpochSecond());
    String text = body + "\ncheck=" + check(body);
    return base64url(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the form {@link #encode()} writes; surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException naming what is wrong, never quoting the token
   */
  public static EnrolmentToken decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalArgumentException("enrolment token is empty");
    }
    String trimmed = encoded.strip();
    if (trimmed.length() > MAX_ENCODED_LENGTH || !BASE64URL.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("enrolment token is not a Fleet Panel token");
    }
    String text = utf8(base64urlDecode(trimmed, "enrolment token"));
    String[] lines = text.split("\n", -1);
    if (lines.length != KEYS.length + 2 || !VERSION.equals(lines[0])) {
      throw new IllegalArgumentException(
          "enrolment token is not a Fleet Panel token (or is truncated)");
    }
    String body = text.substring(0, text.lastIndexOf('\n'));
    if (!lines[lines.length - 1].equals("check=" + check(body))) {
      throw new IllegalArgumentException("enrolment token is damaged (its check does not match)");
    }
    String[] values = new String[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      String prefix = KEYS[i] + "=";
      if (!lines[i + 1].startsWith(prefix)) {
        throw new IllegalArgumentException("enrolment token has no " + KEYS[i] + " field");
      }
      values[i] = lines[i + 1].substring(prefix.length());
    }
    return new EnrolmentToken(
        parseUrl(values[0]),
        values[1],
        values[2],
        base64urlDecode(require(BASE64URL, values[3], "secret"), "enrolment token secret"),
        Instant.ofEpochSecond(Long.parseLong(require(DIGITS, values[4], "expiry"))));
  }

  /** Whether the token may no longer be used at {@code now} (expiry is exclusive). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public URI panelUrl() {
    return panelUrl;
  }

  public String clientIssuerFingerprint() {
    return clientIssuerFingerprint;
  }

  public String tokenId() {
    return tokenId;
  }

  /** A copy of the 32-byte secret. */
  public byte[] secret() {
    return secret.clone();
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnrolmentToken that
        && panelUrl.equals(that.panelUrl)
        && clientIssuerFingerprint.equals(that.clientIssuerFingerprint)
        && tokenId.equals(that.tokenId)
        && Arrays.equals(secret, that.secret)
        && expiresAt.equals(that.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokenId, expiresAt);
  }

  @Override
  public String toString() {
    return "EnrolmentToken[id=" + tokenId + ", expiresAt=" + expiresAt + "]";
  }

  private static URI parseUrl(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("enrolment token panel URL is malformed");
    }
  }

  private static URI validUrl(URI url) {
    boolean web = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
    if (!web || url.getHost() == null || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "enrolment token panel URL must be an http(s) URL with a host");
    }
    return url;
  }

  private static String require(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("enrolment token " + what + " is malformed");
    }
    return value;
  }

  private static String check(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] base64urlDecode(String value, String what) {
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not valid base64url");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("enrolment token is not a Fleet Panel token");
    }
  }
}
