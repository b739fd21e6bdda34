package dev.fleetpanel.node.agent.metrics;

/**
 * Socket counts of the host. A null component is a section that could not be read (its files are
 * missing or unreadable), as opposed to a count of zero.
 *
 * @param tcp states over {@code tcp} and {@code tcp6}, or null when neither could be read
 * @param udpTotal sockets in {@code udp} and {@code udp6}, or null when neither could be read
 * @param conntrack connection-tracking usage, or null when nf_conntrack is not loaded
 */
public record SocketStats(TcpStateCounts tcp, Long udpTotal, ConntrackCounts conntrack) {}
