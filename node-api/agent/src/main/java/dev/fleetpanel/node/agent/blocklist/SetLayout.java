package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.firewall.IpsetSpec;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The eight kernel sets: per direction a permanent and a temporary list, each as an IPv4 and an
 * IPv6 {@code hash:net} set with room for {@code maxEntries}. Temporary sets are created with the
 * default timeout of {@link BlocklistApi#DEFAULT_TEMP_TIMEOUT}; the agent gives every entry its
 * timeout explicitly, so a changed default needs no new set.
 */
final class SetLayout {

  static final String STAGING_SUFFIX = "_new";

  private final int maxEntries;

  SetLayout(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  int maxEntries() {
    return maxEntries;
  }

  IpsetSpec live(Direction direction, ListKind kind, boolean ipv6) {
    return new IpsetSpec(
        BlocklistApi.setName(direction, kind, ipv6),
        ipv6,
        BlocklistApi.HASH_SIZE,
        maxEntries,
        kind == ListKind.TEMP ? BlocklistApi.DEFAULT_TEMP_TIMEOUT : 0);
  }

  /** The set a full replace fills before swapping it with the live one: same options. */
  IpsetSpec staging(Direction direction, boolean ipv6) {
    IpsetSpec live = live(direction, ListKind.PERMANENT, ipv6);
    return live.named(live.name() + STAGING_SUFFIX);
  }

  List<IpsetSpec> all() {
    List<IpsetSpec> all = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      for (ListKind kind : ListKind.values()) {
        all.add(live(direction, kind, false));
        all.add(live(direction, kind, true));
      }
    }
    return all;
  }
}
