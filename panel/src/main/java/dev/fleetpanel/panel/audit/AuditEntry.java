package dev.fleetpanel.panel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change made through the panel: who, when, from which IP, what. Rows are never updated. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private OffsetDateTime at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String ip;

  @Column(nullable = false)
  private String action;

  private String target;

  private String details;

  protected AuditEntry() {}

  AuditEntry(
      OffsetDateTime at, String actor, String ip, String action, String target, String details) {
    this.at = at;
    this.actor = actor;
    this.ip = ip;
    this.action = action;
    this.target = target;
    this.details = details;
  }

  public Long id() {
    return id;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String ip() {
    return ip;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String details() {
    return details;
  }
}
