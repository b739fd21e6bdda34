package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.firewall.IpsetHeader;
import dev.fleetpanel.node.agent.firewall.IpsetSpec;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the status of the lists, their kernel sets and the filter rules. */
final class StatusReport {

  private StatusReport() {}

  static BlocklistStatus read(
      SetLayout layout,
      KernelSets kernel,
      FilterRules rules,
      Map<Direction, PermanentList> permanent,
      Map<Direction, TemporaryList> temporary,
      int tempTimeout)
      throws CommandFailedException {
    List<BlocklistStatus.SetStatus> sets = new ArrayList<>();
    Map<Direction, BlocklistStatus.DirectionStatus> directions = new EnumMap<>(Direction.class);
    for (Direction direction : Direction.values()) {
      long temporaryCount = 0;
      for (ListKind kind : ListKind.values()) {
        for (boolean ipv6 : new boolean[] {false, true}) {
          BlocklistStatus.SetStatus set =
              set(kernel, layout.live(direction, kind, ipv6), direction, kind);
          sets.add(set);
          temporaryCount += kind == ListKind.TEMP ? set.count() : 0;
        }
      }
      PermanentList.Snapshot snapshot = permanent.get(direction).snapshot();
      TemporaryList temp = temporary.get(direction);
      directions.put(
          direction,
          new BlocklistStatus.DirectionStatus(
              snapshot.size(),
              snapshot.version(),
              temporaryCount,
              Canonical.version(temp.content()),
              rules.exist(direction),
              temp.longEntries().size()));
    }
    return new BlocklistStatus(directions, tempTimeout, sets);
  }

  private static BlocklistStatus.SetStatus set(
      KernelSets kernel, IpsetSpec spec, Direction direction, ListKind kind)
      throws CommandFailedException {
    Optional<IpsetHeader> header = kernel.header(spec.name());
    return new BlocklistStatus.SetStatus(
        spec.name(),
        direction,
        kind,
        spec.ipv6(),
        header.isPresent(),
        header.map(IpsetHeader::entries).orElse(0L),
        header.map(IpsetHeader::maxElements).orElse(0),
        header.map(IpsetHeader::timeout).orElse(0),
        header.map(IpsetHeader::references).orElse(0));
  }
}
