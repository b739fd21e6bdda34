/**
 * Running the host's tools ({@code ipset}, {@code iptables}, {@code conntrack}, {@code ip}):
 * argument lists only (never a shell), {@code LC_ALL=C}, a deadline, optional streamed input and
 * output, and a configurable prefix so that tests and benchmarks run everything inside a network
 * namespace.
 */
package dev.fleetpanel.node.agent.exec;
