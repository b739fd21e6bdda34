/**
 * The runnable agent: its configuration ({@link dev.fleetpanel.node.agent.AgentConfig}) and the
 * {@code fleetpanel-node.jar} entry point that serves or enrols.
 */
package dev.fleetpanel.node.agent;
