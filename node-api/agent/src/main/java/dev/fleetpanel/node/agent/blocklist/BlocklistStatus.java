package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/ipset/status} reports.
 *
 * @param tempTimeout the default lifetime of temporary entries, in seconds
 */
public record BlocklistStatus(
    Map<Direction, DirectionStatus> directions, int tempTimeout, List<SetStatus> sets) {

  /**
   * One direction's lists.
   *
   * @param rulesExist whether the jump to the agent's chain and its drop rules are all in place, in
   *     both families
   * @param longTemporary temporary entries that outlive an hour (kept on disk)
   */
  public record DirectionStatus(
      long permanentCount,
      String permanentVersion,
      long tempCount,
      String tempVersion,
      boolean rulesExist,
      int longTemporary) {}

  /** One kernel set, as {@code ipset} reports it. */
  public record SetStatus(
      String name,
      Direction direction,
      ListKind list,
      boolean ipv6,
      boolean exists,
      long count,
      int maxElements,
      int timeout,
      int references) {}
}
