/** The Prometheus text exposition format, written the same way by the agent and the panel. */
package dev.fleetpanel.node.prometheus;
