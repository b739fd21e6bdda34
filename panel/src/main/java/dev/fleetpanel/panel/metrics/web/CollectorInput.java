package dev.fleetpanel.panel.metrics.web;

import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code PUT api/collector}; a field left out keeps its value. */
public record CollectorInput(
    @JsonbProperty("interval_seconds") Integer intervalSeconds,
    @JsonbProperty("offline_after_polls") Integer offlineAfterPolls) {}
