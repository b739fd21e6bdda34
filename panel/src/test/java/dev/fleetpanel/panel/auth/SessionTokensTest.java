package dev.fleetpanel.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  private static final Duration IDLE = Duration.ofMinutes(60);
  private static final Duration MAX = Duration.ofHours(24);
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private MutableClock clock;
  private SessionTokens tokens;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    tokens = new SessionTokens(key(7), IDLE, MAX, clock);
  }

  @Test
  void newSessionExpiresAfterTheIdleTime() {
    Session session = tokens.start(3);

    assertThat(session.authTime()).isEqualTo(T0);
    assertThat(session.issuedAt()).isEqualTo(T0);
    assertThat(session.expiresAt()).isEqualTo(T0.plus(IDLE));
    assertThat(session.tokenVersion()).isEqualTo(3);
    assertThat(session.id()).matches("[0-9a-f]{32}");
  }

  @Test
  void eachSessionGetsItsOwnId() {
    assertThat(tokens.start(1).id()).isNotEqualTo(tokens.start(1).id());
  }

  @Test
  void tokenRoundTripsTheSession() {
    Session session = tokens.start(5);

    assertThat(tokens.decode(tokens.encode(session))).contains(session);
  }

  @Test
  void tokenIsValidBeforeIdleExpiryAndInvalidAfter() {
    String token = tokens.encode(tokens.start(1));

    clock.advance(IDLE.minusSeconds(1));
    assertThat(tokens.decode(token)).isPresent();

    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.decode(token)).isEmpty();
  }

  @Test
  void renewExtendsTheIdleExpiry() {
    Session first = tokens.start(1);
    clock.advance(Duration.ofMinutes(45));

    Session renewed = tokens.renew(first, 1);

    assertThat(renewed.id()).isEqualTo(first.id());
    assertThat(renewed.authTime()).isEqualTo(T0);
    assertThat(renewed.issuedAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
    assertThat(renewed.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(105)));

    String token = tokens.encode(renewed);
    clock.advance(Duration.ofMinutes(30)); // past the first session's idle expiry
    assertThat(tokens.decode(tokens.encode(first))).isEmpty();
    assertThat(tokens.decode(token)).isPresent();
  }

  @Test
  void renewCarriesTheNewTokenVersion() {
    Session session = tokens.start(1);

    assertThat(tokens.renew(session, 2).tokenVersion()).isEqualTo(2);
  }

  @Test
  void renewNeverExtendsPastTheAbsoluteLimit() {
    Session session = tokens.start(1);
    clock.advance(MAX.minusMinutes(30));

    Session renewed = tokens.renew(session, 1);

    assertThat(renewed.expiresAt()).isEqualTo(T0.plus(MAX));
  }

  @Test
  void activeSessionStillEndsAtTheAbsoluteLimit() {
    Session session = tokens.start(1);
    // the user keeps clicking every 50 minutes, so the idle expiry never passes
    while (clock.instant().plus(Duration.ofMinutes(50)).isBefore(T0.plus(MAX))) {
      clock.advance(Duration.ofMinutes(50));
      session = tokens.renew(session, 1);
      assertThat(tokens.decode(tokens.encode(session))).isPresent();
    }

    clock.advance(Duration.between(clock.instant(), T0.plus(MAX)).plusSeconds(1));
    assertThat(tokens.decode(tokens.encode(tokens.renew(session, 1)))).isEmpty();
  }

  @Test
  void tokenWhoseAbsoluteLimitHasPassedIsRejectedEvenIfItsIdleExpiryIsLater() {
    // a longer-lived issuer with the same key, e.g. a panel restarted with a larger max
    SessionTokens lenient = new SessionTokens(key(7), IDLE, MAX.multipliedBy(2), clock);
    Session session = lenient.start(1);
    clock.advance(MAX.minusMinutes(10));
    String token = lenient.encode(lenient.renew(session, 1));

    assertThat(tokens.decode(token)).isPresent();
    clock.advance(Duration.ofMinutes(11));
    assertThat(tokens.decode(token)).isEmpty();
  }

  @Test
  void tamperedTokenIsRejected() {
    String token = tokens.encode(tokens.start(1));
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace("\"tv\":1", "\"tv\":2");
    assertThat(forged).isNotEqualTo(payload);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(tokens.decode(tampered)).isEmpty();
  }

  @Test
  void tokenSignedWithAnotherKeyIsRejected() {
    SessionTokens other = new SessionTokens(key(8), IDLE, MAX, clock);

    assertThat(tokens.decode(other.encode(other.start(1)))).isEmpty();
  }

  @Test
  void unsignedTokenIsRejected() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"sub\":\"admin\",\"jti\":\"x\",\"iat\":"
                    + T0.getEpochSecond()
                    + ",\"exp\":"
                    + T0.plusSeconds(3600).getEpochSecond()
                    + ",\"auth_time\":"
                    + T0.getEpochSecond()
                    + ",\"tv\":1}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(tokens.decode(header + "." + payload + ".")).isEmpty();
  }

  @Test
  void garbageIsRejected() {
    assertThat(tokens.decode("")).isEmpty();
    assertThat(tokens.decode("not-a-token")).isEmpty();
    assertThat(tokens.decode("a.b.c")).isEmpty();
    assertThat(tokens.decode("%%%.***.!!!")).isEmpty();
    assertThat(tokens.decode(null)).isEqualTo(Optional.empty());
  }
}
