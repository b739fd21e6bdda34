package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;

/**
 * A parsed and checked request body, handed from {@link BlocklistRequestReader} to {@link
 * BlocklistService}. {@code timeout} is 0 when not given; a {@code baseVersion} makes a sync a
 * delta ({@code additions}, {@code removals}), otherwise {@code entries} is the whole list, the
 * bulk {@code ips} or the single {@code ip}.
 */
public final class BlocklistRequest {

  final RequestShape shape;
  final Direction direction;
  final ListKind list;
  final int timeout;
  final String baseVersion;
  final EntryBatch entries;
  final EntryBatch additions;
  final EntryBatch removals;

  BlocklistRequest(
      RequestShape shape,
      Direction direction,
      ListKind list,
      int timeout,
      String baseVersion,
      EntryBatch entries,
      EntryBatch additions,
      EntryBatch removals) {
    this.shape = shape;
    this.direction = direction;
    this.list = list;
    this.timeout = timeout;
    this.baseVersion = baseVersion;
    this.entries = entries;
    this.additions = additions;
    this.removals = removals;
  }

  public Direction direction() {
    return direction;
  }

  public ListKind list() {
    return list;
  }

  /** The canonical text of the single {@code ip} of an add or remove; null for other shapes. */
  public String ip() {
    if (shape != RequestShape.ADD && shape != RequestShape.REMOVE) {
      return null;
    }
    EntryCursor entry = entries.entries().cursor();
    return entry.next() ? Canonical.text(entry, new StringBuilder()).toString() : null;
  }

  boolean delta() {
    return baseVersion != null;
  }

  /** How many entries the request carried. */
  long received() {
    return delta() ? additions.received() + removals.received() : entries.received();
  }
}
