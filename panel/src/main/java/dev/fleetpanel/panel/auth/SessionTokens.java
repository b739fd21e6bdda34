package dev.fleetpanel.panel.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Issues and verifies session JWTs (HS256); idle expiry slides, absolute expiry does not. */
public final class SessionTokens {
  private final SecretKey key;
  private final Duration idle;
  private final Duration max;
  private final Clock clock;

  public SessionTokens(byte[] signingKey, Duration idle, Duration max, Clock clock) {
    this.key = new SecretKeySpec(signingKey, "HmacSHA256");
    this.idle = idle;
    this.max = max;
    this.clock = clock;
  }

  public Session start(long tokenVersion) {
    Instant now = clock.instant();
    return renew(new Session(Secrets.randomHex(16), now, now, now, tokenVersion), tokenVersion);
  }

  /**
   * The same session with a fresh idle expiry (capped by the absolute one) and the given token
   * version.
   */
  public Session renew(Session session, long tokenVersion) {
    Instant now = clock.instant();
    Instant absolute = session.authTime().plus(max);
    Instant expires = now.plus(idle).isBefore(absolute) ? now.plus(idle) : absolute;
    return new Session(session.id(), session.authTime(), now, expires, tokenVersion);
  }

  public String encode(Session session) {
    return Jwts.builder()
        .subject("admin")
        .id(session.id())
        .issuedAt(Date.from(session.issuedAt()))
        .expiration(Date.from(session.expiresAt()))
        .claim("auth_time", session.authTime().getEpochSecond())
        .claim("tv", session.tokenVersion())
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /** The session in a token, if the signature is valid and it has not expired. */
  public Optional<Session> decode(String token) {
    try {
      Claims claims =
          Jwts.parser()
              .verifyWith(key)
              .clock(() -> Date.from(clock.instant()))
              .build()
              .parseSignedClaims(token)
              .getPayload();
      Number authTime = claims.get("auth_time", Number.class);
      Number version = claims.get("tv", Number.class);
      if (authTime == null || version == null || claims.getId() == null) {
        return Optional.empty();
      }
      Instant auth = Instant.ofEpochSecond(authTime.longValue());
      if (!clock.instant().isBefore(auth.plus(max))) {
        return Optional.empty();
      }
      return Optional.of(
          new Session(
              claims.getId(),
              auth,
              claims.getIssuedAt().toInstant(),
              claims.getExpiration().toInstant(),
              version.longValue()));
    } catch (JwtException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public Duration idle() {
    return idle;
  }
}
