package dev.fleetpanel.panel.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An API token for scripts. Only its SHA-256 hash is stored; the prefix helps a person recognise
 * it.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "token_prefix", nullable = false)
  private String prefix;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected ApiToken() {}

  ApiToken(String name, String tokenHash, String prefix, OffsetDateTime createdAt) {
    this.name = name;
    this.tokenHash = tokenHash;
    this.prefix = prefix;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  String tokenHash() {
    return tokenHash;
  }

  public String prefix() {
    return prefix;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime lastUsedAt() {
    return lastUsedAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }

  void usedAt(OffsetDateTime at) {
    lastUsedAt = at;
  }

  void revokeAt(OffsetDateTime at) {
    revokedAt = at;
  }
}
