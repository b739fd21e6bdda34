/**
 * IP blocklists: rules for every server or one, temporary or permanent, in or out; lists downloaded
 * from URLs and refreshed (the last good copy kept); what each node should hold, computed, merged
 * and pushed through {@link dev.fleetpanel.panel.nodesync.NodeSync}.
 */
package dev.fleetpanel.panel.blocklist;
