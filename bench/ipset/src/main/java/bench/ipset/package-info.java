/**
 * Benchmark of the agent's blocklist (issue 6): the real agent jar as a child process, its firewall
 * commands in a network namespace, driven over mutual TLS as the panel drives it.
 */
package bench.ipset;
