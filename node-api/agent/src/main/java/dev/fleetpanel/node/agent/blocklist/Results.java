package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SyncResult;

/** The answer of a change, from its outcome and the request's checked entries. */
final class Results {

  private Results() {}

  /**
   * @param mode {@code full}, {@code delta}, or null for the seed's add and remove calls
   * @param checked the entries that were to be blocked (their invalid and refused ones reported)
   */
  static SyncResult of(
      String mode,
      String message,
      Direction direction,
      ListKind list,
      Outcome outcome,
      EntryBatch checked,
      long received) {
    return new SyncResult(
        true,
        message,
        mode,
        list,
        direction,
        outcome.version(),
        outcome.total(),
        outcome.added(),
        outcome.removed(),
        checked.invalid(),
        checked.invalidCount(),
        checked.refused(),
        checked.refusedCount(),
        checked.nonPublic(),
        received,
        outcome.connectionsCut());
  }
}
