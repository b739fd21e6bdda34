package dev.fleetpanel.panel.metrics;

import java.time.Instant;

/**
 * One poll cycle, for the collector's status and the fleet benchmark.
 *
 * @param collectedMillis from the start until the last node that answered had answered
 * @param settledMillis from the start until every poll had answered or failed (timeouts included)
 * @param skipped servers not polled: breaker open, or the previous poll still running
 */
public record CycleStats(
    Instant startedAt,
    long collectedMillis,
    long settledMillis,
    int polled,
    int succeeded,
    int failed,
    int skipped) {}
