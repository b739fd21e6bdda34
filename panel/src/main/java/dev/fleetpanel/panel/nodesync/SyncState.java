package dev.fleetpanel.panel.nodesync;

import java.util.Locale;

/** Where a node is with one item the panel keeps on it. */
public enum SyncState {
  /** The node holds what the panel wants. */
  APPLIED,
  /** Not applied yet: the node was unreachable or the change is under way; retried. */
  PENDING,
  /** The node held something else than the panel last applied; being repaired. */
  DRIFTED,
  /** The node refused the change; retried like a pending one, with its reason shown. */
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
