/**
 * The agent's HTTPS server: Jersey on Jetty with mutual TLS, its limits (idle timeout, connection
 * cap, request body size) and Jetty's own error answers in the agent's JSON form.
 */
package dev.fleetpanel.node.agent.server;
