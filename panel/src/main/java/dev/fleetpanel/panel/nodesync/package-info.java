/**
 * The one way the panel changes its nodes: a feature says what it wants on each node (a {@link
 * dev.fleetpanel.panel.nodesync.SyncTarget}), and {@link dev.fleetpanel.panel.nodesync.NodeSync}
 * pushes it to every affected node in parallel, records the outcome per node in {@code node_sync},
 * retries a node that was down (60 s, doubling up to 30 min, and at once when it is seen again),
 * and finds and repairs drift. Blocklists use it first; HAProxy, firewall and tracked ports will
 * too.
 */
package dev.fleetpanel.panel.nodesync;
