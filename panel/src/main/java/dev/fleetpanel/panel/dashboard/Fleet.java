package dev.fleetpanel.panel.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard at one moment: the summary of the whole fleet (whatever the search), and the cards
 * that match the query, grouped by folder in folder order.
 *
 * @param groups folders in their order, "no folder" last; without a search every folder is there,
 *     empty ones too (so that cards can be dropped into them); with a search only those with a
 *     match
 */
public record Fleet(Instant at, DashboardQuery query, Summary summary, List<Group> groups) {

  /** A folder (null id and name: servers in no folder) with its cards in display order. */
  public record Group(Long folderId, String folderName, List<ServerCard> cards) {}

  /**
   * Counts by state, the summed rates of the servers online now (bytes per second), and the cards
   * that need attention, in dashboard order.
   */
  public record Summary(
      int online,
      int offline,
      int unknown,
      int disabled,
      double down,
      double up,
      List<ServerCard> attention) {

    public int total() {
      return online + offline + unknown + disabled;
    }
  }
}
