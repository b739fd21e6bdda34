package dev.fleetpanel.panel.metrics.web;

import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code PUT api/collector}. */
public record CollectorInput(@JsonbProperty("interval_seconds") Integer intervalSeconds) {}
