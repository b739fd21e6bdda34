/**
 * Host metrics read from {@code /proc}, {@code /sys} and {@code /etc} below the node root
 * (FLEETPANEL_NODE_ROOT, default {@code /}): XxxParser classes are pure and turn file text into
 * values, XxxReader classes read the files and answer empty instead of throwing.
 */
package dev.fleetpanel.node.agent.metrics;
