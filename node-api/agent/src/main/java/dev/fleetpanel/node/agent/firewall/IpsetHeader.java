package dev.fleetpanel.node.agent.firewall;

/**
 * What {@code ipset list -terse} says of a set.
 *
 * @param family {@code inet} or {@code inet6}
 * @param timeout the default timeout, 0 for a set without timeouts
 * @param references how many kernel objects (iptables rules) use the set
 */
public record IpsetHeader(
    String name,
    String type,
    String family,
    int maxElements,
    int timeout,
    int references,
    long entries) {}
