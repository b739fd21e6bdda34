package dev.fleetpanel.node.agent.blocklist;

/**
 * What a change did to a list.
 *
 * @param version the list's version afterwards
 * @param total entries afterwards
 * @param added entries that were not there before
 * @param removed entries that are gone
 * @param connectionsCut addresses whose tracked connections were deleted, -1 when that failed
 */
record Outcome(String version, long total, long added, long removed, int connectionsCut) {

  Outcome withConnectionsCut(int cut) {
    return new Outcome(version, total, added, removed, cut);
  }
}
