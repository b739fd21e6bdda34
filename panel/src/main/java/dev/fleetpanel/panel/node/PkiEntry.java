package dev.fleetpanel.panel.node;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A certificate and its private key, by role (see {@link NodeTrust}). */
@Entity
@Table(name = "pki_material")
public class PkiEntry {
  @Id private String name;

  @Column(name = "certificate_pem", nullable = false)
  private String certificatePem;

  @Column(name = "private_key_pem", nullable = false)
  private String privateKeyPem;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected PkiEntry() {}

  PkiEntry(String name, String certificatePem, String privateKeyPem, OffsetDateTime createdAt) {
    this.name = name;
    this.certificatePem = certificatePem;
    this.privateKeyPem = privateKeyPem;
    this.createdAt = createdAt;
  }

  String certificatePem() {
    return certificatePem;
  }

  String privateKeyPem() {
    return privateKeyPem;
  }
}
