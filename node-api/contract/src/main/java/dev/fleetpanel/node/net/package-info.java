/**
 * IP networks as both sides need them: parsing literals without a name lookup, prefixes, and
 * membership (address allow-lists on the agent, trusted proxies and blocklists on the panel).
 */
package dev.fleetpanel.node.net;
