package dev.fleetpanel.panel.metrics;

import java.time.Instant;

/**
 * What a node's document says besides the stored figures, for the dashboard's cards: how long it
 * has been up and its nearest certificate expiry, where the node reports one.
 *
 * @param uptimeSeconds seconds since boot at the node's {@code timestamp}, or -1 when not reported
 * @param logicalCores the node's logical CPUs, or 0 when not reported
 * @param sslDomain the domain of the certificate that expires first, or null
 * @param sslExpiry when that certificate expires, or null (no certificate reported)
 */
public record NodeFacts(long uptimeSeconds, int logicalCores, String sslDomain, Instant sslExpiry) {

  public static final NodeFacts NONE = new NodeFacts(-1, 0, null, null);
}
