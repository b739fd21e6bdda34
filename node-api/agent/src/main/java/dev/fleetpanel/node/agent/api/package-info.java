/**
 * The agent's HTTP documents: the seed's {@code /api/metrics} JSON ({@link
 * dev.fleetpanel.node.agent.api.MetricsJson}) and the Prometheus text of the same figures ({@link
 * dev.fleetpanel.node.agent.api.PrometheusText}), both written from one {@code MetricsSnapshot}.
 */
package dev.fleetpanel.node.agent.api;
