package dev.fleetpanel.panel.nodesync;

import dev.fleetpanel.panel.platform.persistence.ColumnText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Where one node is with one item: what the panel wants there ({@code desiredHash}, the content's
 * hash), what it last applied ({@code sentHash}) and the version the node reported for it then
 * ({@code nodeVersion}: the node's own, which may differ from the content hash where the node
 * refused entries), and the state with its retry schedule.
 */
@Entity
@Table(name = "node_sync")
@IdClass(SyncRecordId.class)
public class SyncRecord {
  static final int TEXT = 500;

  @Id
  @Column(name = "server_id")
  private long serverId;

  @Id
  @Column(name = "item")
  private String item;

  @Convert(converter = SyncStateConverter.class)
  @Column(name = "state", nullable = false)
  private SyncState state;

  @Column(name = "desired_hash")
  private String desiredHash;

  @Column(name = "sent_hash")
  private String sentHash;

  @Column(name = "node_version")
  private String nodeVersion;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private OffsetDateTime nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "detail")
  private String detail;

  @Column(name = "applied_at")
  private OffsetDateTime appliedAt;

  @Column(name = "checked_at")
  private OffsetDateTime checkedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SyncRecord() {}

  SyncRecord(long serverId, String item, OffsetDateTime now) {
    this.serverId = serverId;
    this.item = item;
    this.state = SyncState.PENDING;
    this.updatedAt = now;
  }

  public long serverId() {
    return serverId;
  }

  public String item() {
    return item;
  }

  public SyncState state() {
    return state;
  }

  public String desiredHash() {
    return desiredHash;
  }

  public String sentHash() {
    return sentHash;
  }

  public String nodeVersion() {
    return nodeVersion;
  }

  public int attempts() {
    return attempts;
  }

  public OffsetDateTime nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public String detail() {
    return detail;
  }

  public OffsetDateTime appliedAt() {
    return appliedAt;
  }

  public OffsetDateTime checkedAt() {
    return checkedAt;
  }

  /**
   * The panel now wants the content {@code hash} there. A new want is pending at once (the node may
   * already hold it: the push then finds nothing to change); the same want keeps its schedule,
   * unless the row says applied with other content sent (a push and a want crossed): then it is
   * pending again.
   */
  void want(String hash, OffsetDateTime now) {
    boolean applied = state == SyncState.APPLIED && hash.equals(sentHash);
    if (hash.equals(desiredHash) && (state != SyncState.APPLIED || applied)) {
      return;
    }
    desiredHash = hash;
    attempts = 0;
    nextAttemptAt = now;
    state = SyncState.PENDING;
    updatedAt = now;
  }

  /** Whether the node should be brought to what the panel wants now. */
  boolean due(OffsetDateTime now) {
    return state != SyncState.APPLIED && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
  }

  void applied(String hash, String version, String detail, OffsetDateTime now) {
    state = SyncState.APPLIED;
    sentHash = hash;
    nodeVersion = version;
    this.detail = clip(detail);
    attempts = 0;
    nextAttemptAt = null;
    lastError = null;
    appliedAt = now;
    checkedAt = now;
    updatedAt = now;
  }

  /** A push applied content the panel no longer wants: the node holds it, the new want is due. */
  void sentOnly(String hash, String version, OffsetDateTime now) {
    sentHash = hash;
    nodeVersion = version;
    nextAttemptAt = now;
    updatedAt = now;
  }

  void failedAttempt(boolean refused, String error, OffsetDateTime next, OffsetDateTime now) {
    state = refused ? SyncState.FAILED : SyncState.PENDING;
    attempts++;
    lastError = clip(error);
    nextAttemptAt = next;
    updatedAt = now;
  }

  /** A push of content no longer wanted failed: said, but the want's own schedule stays. */
  void lastError(String error, OffsetDateTime now) {
    lastError = clip(error);
    updatedAt = now;
  }

  void drifted(String nodeReported, OffsetDateTime now) {
    state = SyncState.DRIFTED;
    lastError =
        "the node holds version " + abbreviate(nodeReported) + ", not " + abbreviate(nodeVersion);
    nextAttemptAt = now;
    checkedAt = now;
    updatedAt = now;
  }

  void checked(OffsetDateTime now) {
    checkedAt = now;
  }

  /**
   * Retry at once (the node was seen again): due whatever the time, since a stored time can come
   * back rounded up past the {@code now} of the plan that reads it.
   */
  void retryNow(OffsetDateTime now) {
    nextAttemptAt = null;
    updatedAt = now;
  }

  private static String abbreviate(String version) {
    return version == null ? "none" : version.length() > 12 ? version.substring(0, 12) : version;
  }

  /** The columns' length: a node's error can be longer. */
  private static String clip(String text) {
    return ColumnText.clip(text, TEXT);
  }
}
