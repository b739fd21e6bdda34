package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.platform.persistence.ColumnText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A list downloaded from a URL and applied to every server in one direction. Its last good copy is
 * a file of the data directory ({@code lastSuccessAt} says when it was taken); a failed download
 * keeps it and records the error.
 */
@Entity
@Table(name = "blocklist_sources")
public class BlocklistSource {
  /** The length of {@code last_error}. */
  static final int ERROR_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String url;

  @Column(nullable = false)
  private String direction;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "is_default", nullable = false)
  private boolean builtIn;

  @Column(name = "last_attempt_at")
  private OffsetDateTime lastAttemptAt;

  @Column(name = "last_success_at")
  private OffsetDateTime lastSuccessAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "entry_count", nullable = false)
  private int entryCount;

  @Column(name = "garbage_count", nullable = false)
  private int garbageCount;

  @Column(name = "refused_count", nullable = false)
  private int refusedCount;

  @Column private String checksum;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected BlocklistSource() {}

  BlocklistSource(String name, String url, Direction direction, OffsetDateTime now) {
    this.name = name;
    this.url = url;
    this.direction = direction.wire();
    this.enabled = true;
    this.createdAt = now;
  }

  void edit(String name, String url, Direction direction, boolean enabled) {
    this.name = name;
    this.url = url;
    this.direction = direction.wire();
    this.enabled = enabled;
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  void downloaded(int entries, int garbage, int refused, String checksum, OffsetDateTime now) {
    this.entryCount = entries;
    this.garbageCount = garbage;
    this.refusedCount = refused;
    this.checksum = checksum;
    this.lastAttemptAt = now;
    this.lastSuccessAt = now;
    this.lastError = null;
  }

  /** The stored copy cannot be read back: due for a download at once, with why. */
  void copyLost(String error) {
    this.lastAttemptAt = null;
    this.lastError = ColumnText.clip(error, ERROR_LENGTH);
  }

  void failed(String error, OffsetDateTime now) {
    this.lastAttemptAt = now;
    this.lastError = ColumnText.clip(error, ERROR_LENGTH);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  public Direction direction() {
    return Direction.parse(direction);
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean builtIn() {
    return builtIn;
  }

  public OffsetDateTime lastAttemptAt() {
    return lastAttemptAt;
  }

  public OffsetDateTime lastSuccessAt() {
    return lastSuccessAt;
  }

  /** Whether a good copy was ever downloaded (and so is applied). */
  public boolean hasCopy() {
    return lastSuccessAt != null;
  }

  public String lastError() {
    return lastError;
  }

  public int entryCount() {
    return entryCount;
  }

  public int garbageCount() {
    return garbageCount;
  }

  public int refusedCount() {
    return refusedCount;
  }

  public String checksum() {
    return checksum;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
