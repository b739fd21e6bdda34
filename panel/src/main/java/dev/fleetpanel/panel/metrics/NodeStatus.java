package dev.fleetpanel.panel.metrics;

import java.time.Instant;

/**
 * A server's collection status as the pages show it.
 *
 * @param state online, offline (no sample for 3 intervals + 30 s), or unknown (not polled yet since
 *     the panel started)
 * @param since when the state began (for unknown: when the panel started)
 * @param lastSampleAt the panel's time of the latest sample, or null
 * @param lastError why the latest poll failed, or null when it succeeded
 * @param lastReason the failure's kind (dns, refused, tls, capability, timeout, http, network,
 *     garbage), or null
 * @param latestDocument the node's latest {@code /api/metrics} document as it sent it, or null
 * @param facts the latest document's uptime, cores and certificate expiry ({@link NodeFacts#NONE}
 *     before the first sample)
 */
public record NodeStatus(
    long serverId,
    State state,
    Instant since,
    Instant lastSampleAt,
    String lastError,
    String lastReason,
    int consecutiveFailures,
    Sample latest,
    String latestDocument,
    NodeFacts facts) {

  public enum State {
    ONLINE,
    OFFLINE,
    UNKNOWN
  }
}
