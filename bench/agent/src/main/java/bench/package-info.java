/**
 * The node agent's benchmark against the seed's Python agent (issue 3): starts the built agent jar
 * as a child process over real mutual TLS and measures start-up, memory, CPU, latency and body
 * size.
 */
package bench;
