/**
 * The host's packet filter as argument lists and parsed answers: {@code ipset} sets and restore
 * scripts, the agent's own {@code iptables}/{@code ip6tables} chains, {@code conntrack} listings
 * and batch deletions, and the node's addresses from {@code ip}. Builders ({@code XxxCommands}) and
 * parsers ({@code XxxParser}) are pure; running them is {@code agent.exec}'s job.
 */
package dev.fleetpanel.node.agent.firewall;
