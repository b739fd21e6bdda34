package dev.fleetpanel.panel.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An enrolment token the panel issued for a server: single use, valid until {@code expiresAt}. */
@Entity
@Table(name = "enrolment_tokens")
public class PendingEnrolment {
  @Id private String id;

  @Column(name = "server_id", nullable = false)
  private long serverId;

  @Column(name = "secret_b64", nullable = false)
  private String secretB64;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected PendingEnrolment() {}

  PendingEnrolment(
      String id, long serverId, String secretB64, OffsetDateTime expiresAt, OffsetDateTime now) {
    this.id = id;
    this.serverId = serverId;
    this.secretB64 = secretB64;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  long serverId() {
    return serverId;
  }

  String secretB64() {
    return secretB64;
  }

  OffsetDateTime expiresAt() {
    return expiresAt;
  }

  OffsetDateTime usedAt() {
    return usedAt;
  }

  void useAt(OffsetDateTime at) {
    usedAt = at;
  }
}
