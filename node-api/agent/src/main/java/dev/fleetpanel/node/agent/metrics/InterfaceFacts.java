package dev.fleetpanel.node.agent.metrics;

/**
 * What {@code /sys/class/net/<name>} says about one interface. A nullable value is null when its
 * file is absent, unreadable or unparsable.
 *
 * @param hasDevice a {@code device} entry exists: a symlink to the bus device on a real host (only
 *     hardware NICs have one), any file or directory in a fixture tree
 * @param operState {@code operstate} as the kernel writes it: "up", "down", "unknown", "dormant"...
 * @param mtu {@code mtu} in bytes
 * @param address {@code address}, the link-layer (MAC) address, e.g. "52:54:00:12:34:56"
 * @param speedMbps {@code speed} in Mbit/s; null when the kernel reports -1 or refuses the read,
 *     which it does for a link that is down and for most virtual interfaces
 * @param bondSlave the interface is enslaved to a bonding master
 * @param bondMaster the interface is a bonding master (it has a {@code bonding} entry)
 * @param bridge the interface is a bridge (it has a {@code bridge} entry)
 */
public record InterfaceFacts(
    boolean hasDevice,
    String operState,
    Integer mtu,
    String address,
    Integer speedMbps,
    boolean bondSlave,
    boolean bondMaster,
    boolean bridge) {

  /** Facts of an interface with no {@code /sys/class/net} entry: nothing is known. */
  public static final InterfaceFacts UNKNOWN =
      new InterfaceFacts(false, null, null, null, null, false, false, false);

  /**
   * Whether the interface is up. The kernel reports "unknown" for interfaces without carrier
   * detection (lo, tun, WireGuard) that are up, and "down" for those that are administratively
   * down.
   */
  public boolean isUp() {
    return "up".equals(operState) || "unknown".equals(operState);
  }
}
