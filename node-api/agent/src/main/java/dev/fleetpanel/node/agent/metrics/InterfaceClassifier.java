package dev.fleetpanel.node.agent.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether an interface is physical, following the seed's {@code total} rule: an interface
 * is physical when it has a {@code device} entry, its name does not start with one of {@link
 * #VIRTUAL_PREFIXES} and it is not a bond slave. A bonding master ({@code bondN}) is physical
 * although it has no device; its slaves are not, so bonded traffic is counted once.
 */
public final class InterfaceClassifier {

  /** Name prefixes of virtual interfaces, from the seed's exclusion list, plus loopback. */
  public static final List<String> VIRTUAL_PREFIXES =
      List.of(
          "lo", "veth", "docker", "br-", "virbr", "flannel", "cni", "cali", "wg", "tun", "tap",
          "warp", "gre", "sit", "ip6tnl");

  private static final Pattern BOND_NAME = Pattern.compile("bond\\d+");

  private InterfaceClassifier() {}

  public static InterfaceKind classify(String name, InterfaceFacts facts) {
    if (hasVirtualPrefix(name) || facts.bridge()) {
      return InterfaceKind.VIRTUAL;
    }
    if (facts.bondSlave()) {
      return InterfaceKind.BOND_SLAVE;
    }
    if (facts.bondMaster() || facts.hasDevice() || BOND_NAME.matcher(name).matches()) {
      return InterfaceKind.PHYSICAL;
    }
    return InterfaceKind.VIRTUAL;
  }

  static boolean hasVirtualPrefix(String name) {
    return VIRTUAL_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
