/**
 * What the panel may do on this node (seed §2.1 capabilities): the per-domain access levels, their
 * presets, and the request filter that answers a denied call with 403 and {@code
 * X-Capability-Denied}.
 */
package dev.fleetpanel.node.agent.capability;
