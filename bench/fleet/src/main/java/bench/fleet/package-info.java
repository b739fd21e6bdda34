/**
 * The fleet simulator: one JVM that enrols N nodes with a panel and plays their agents on 127.0.0.1
 * over mutual TLS, some of them misbehaving on purpose, for the panel's poller benchmark and
 * reliability tests.
 */
package bench.fleet;
