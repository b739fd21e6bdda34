/**
 * The node's IP blocklists (issue 6): the kernel sets and the agent's filter rules, the permanent
 * lists kept on disk and restored before the agent listens, full syncs through staging sets and
 * in-place changes against a version, temporary entries and their re-arming, refusals, the cutting
 * of blocked connections, and the streaming reader of request bodies. Large lists stay out of the
 * heap (sorted in scratch files, mapped). See {@code node-api/README.md}, "IP blocklists".
 */
package dev.fleetpanel.node.agent.blocklist;
