package dev.fleetpanel.panel.nodesync;

import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link SyncRecord}: a server and an item. */
public class SyncRecordId implements Serializable {
  private static final long serialVersionUID = 1L;

  private long serverId;
  private String item;

  public SyncRecordId() {}

  public SyncRecordId(long serverId, String item) {
    this.serverId = serverId;
    this.item = item;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyncRecordId other
        && other.serverId == serverId
        && Objects.equals(other.item, item);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverId, item);
  }
}
