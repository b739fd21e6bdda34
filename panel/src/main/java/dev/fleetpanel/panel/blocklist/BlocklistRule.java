package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One network blocked on every server ({@code serverId} null) or on one, for packets coming in or
 * going out, permanently or until {@code expiresAt}. The network is canonical.
 */
@Entity
@Table(name = "blocklist_rules")
public class BlocklistRule {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "server_id")
  private Long serverId;

  @Column(nullable = false)
  private String network;

  @Column(nullable = false)
  private String direction;

  @Column(nullable = false)
  private boolean permanent;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(nullable = false)
  private String comment;

  @Column(name = "added_by", nullable = false)
  private String addedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected BlocklistRule() {}

  BlocklistRule(
      Long serverId,
      String network,
      Direction direction,
      OffsetDateTime expiresAt,
      String comment,
      String addedBy,
      OffsetDateTime now) {
    this.serverId = serverId;
    this.network = network;
    this.direction = direction.wire();
    this.permanent = expiresAt == null;
    this.expiresAt = expiresAt;
    this.comment = comment;
    this.addedBy = addedBy;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  /** The server the rule is for, or null for every server. */
  public Long serverId() {
    return serverId;
  }

  public String network() {
    return network;
  }

  public Direction direction() {
    return Direction.parse(direction);
  }

  public boolean permanent() {
    return permanent;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public String comment() {
    return comment;
  }

  public String addedBy() {
    return addedBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
