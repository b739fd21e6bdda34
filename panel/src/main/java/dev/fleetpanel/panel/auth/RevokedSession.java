package dev.fleetpanel.panel.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A session ended by logout; kept until its token could no longer be valid anyway. */
@Entity
@Table(name = "revoked_sessions")
public class RevokedSession {
  @Id
  @Column(name = "session_id")
  private String sessionId;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected RevokedSession() {}

  RevokedSession(String sessionId, OffsetDateTime expiresAt) {
    this.sessionId = sessionId;
    this.expiresAt = expiresAt;
  }
}
