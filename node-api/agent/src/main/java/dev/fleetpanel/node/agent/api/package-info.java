/**
 * The agent's HTTP API: its resources ({@code /health}, {@code /api/version}, {@code /api/metrics},
 * {@code /metrics}), the JSON error form, and the documents they write: the seed's {@code
 * /api/metrics} JSON ({@link dev.fleetpanel.node.agent.api.MetricsJson}) and the Prometheus text of
 * the same figures ({@link dev.fleetpanel.node.agent.api.PrometheusText}), both from one {@code
 * MetricsSnapshot}.
 */
package dev.fleetpanel.node.agent.api;
