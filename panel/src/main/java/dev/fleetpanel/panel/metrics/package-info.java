/**
 * Fleet collection and storage: the poller that asks every active node for its {@code /api/metrics}
 * every interval, each server's status and latest sample in memory, the samples written raw and
 * rolled up hourly and daily, retention, and the history the charts read.
 */
package dev.fleetpanel.panel.metrics;
