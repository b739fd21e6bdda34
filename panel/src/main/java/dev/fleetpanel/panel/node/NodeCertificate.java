package dev.fleetpanel.panel.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A node server certificate the panel issued; revoked when its server is removed or it is replaced.
 */
@Entity
@Table(name = "node_certificates")
public class NodeCertificate {
  /** Lower-case hex. */
  @Id private String serial;

  @Column(name = "server_id")
  private Long serverId;

  @Column(name = "certificate_pem", nullable = false)
  private String certificatePem;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "not_after", nullable = false)
  private OffsetDateTime notAfter;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected NodeCertificate() {}

  NodeCertificate(
      String serial,
      long serverId,
      String certificatePem,
      OffsetDateTime issuedAt,
      OffsetDateTime notAfter) {
    this.serial = serial;
    this.serverId = serverId;
    this.certificatePem = certificatePem;
    this.issuedAt = issuedAt;
    this.notAfter = notAfter;
  }

  public String serial() {
    return serial;
  }

  public Long serverId() {
    return serverId;
  }

  public String certificatePem() {
    return certificatePem;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }

  void revokeAt(OffsetDateTime at) {
    revokedAt = at;
  }
}
