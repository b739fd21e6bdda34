/**
 * The IP blocklist as both sides see it: entries (IPv4/IPv6 address or network) parsed strictly and
 * written in the canonical form {@code ipset} prints, their order, the version of a set (a checksum
 * of its sorted canonical content), the wire names and limits of the agent's {@code /api/ipset}
 * endpoints, and a streaming writer for the panel's sync bodies.
 */
package dev.fleetpanel.node.blocklist;
