package dev.fleetpanel.panel.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A server of the fleet, reached at {@code address:agentPort} by its agent. An inactive server
 * stays listed but every background job skips it. {@code position} orders servers within their
 * folder.
 */
@Entity
@Table(name = "servers")
public class Server {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  @Column(nullable = false)
  private String address;

  @Column(name = "agent_port", nullable = false)
  private int agentPort;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "folder_id")
  private Folder folder;

  @Column(nullable = false)
  private String notes;

  @Column(name = "is_active", nullable = false)
  private boolean active;

  @Column(nullable = false)
  private int position;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Server() {}

  Server(OffsetDateTime now) {
    this.createdAt = now;
    this.updatedAt = now;
    this.active = true;
  }

  void apply(ServerForm form, Folder folder, OffsetDateTime now) {
    this.name = form.name().strip();
    this.address = form.address().strip();
    this.agentPort = form.agentPort();
    this.folder = folder;
    this.notes = form.notes() == null ? "" : form.notes().strip();
    this.updatedAt = now;
  }

  void active(boolean active, OffsetDateTime now) {
    this.active = active;
    this.updatedAt = now;
  }

  void folder(Folder folder, OffsetDateTime now) {
    this.folder = folder;
    this.updatedAt = now;
  }

  void position(int position) {
    this.position = position;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public int agentPort() {
    return agentPort;
  }

  public Folder folder() {
    return folder;
  }

  public String notes() {
    return notes;
  }

  public boolean active() {
    return active;
  }

  public int position() {
    return position;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
