package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /api/metrics} (the whole document), {@code GET /api/metrics/{section}} and {@code GET
 * /metrics} (Prometheus text), all from the collector's latest snapshot.
 */
@Path("")
public final class MetricsResource {

  private final MetricsCollector collector;
  private final MetricsJson json;
  private final PrometheusText prometheus;

  public MetricsResource(MetricsCollector collector, String agentVersion) {
    this.collector = collector;
    this.json = new MetricsJson(agentVersion);
    this.prometheus = new PrometheusText(agentVersion);
  }

  @GET
  @Path("api/metrics")
  @Produces(MediaType.APPLICATION_JSON)
  public StreamingOutput metrics() {
    MetricsSnapshot snapshot = snapshot();
    return out -> json.write(snapshot, out);
  }

  @GET
  @Path("api/metrics/{section: cpu|memory|disk|network|processes}")
  @Produces(MediaType.APPLICATION_JSON)
  public StreamingOutput section(@PathParam("section") String section) {
    MetricsSnapshot snapshot = snapshot();
    return out -> json.writeSection(section, snapshot, out);
  }

  /** The content type is set as text so that it goes out exactly as Prometheus documents it. */
  @GET
  @Path("metrics")
  @Produces(MediaType.TEXT_PLAIN)
  public Response prometheus() {
    return Response.ok(prometheus.write(snapshot()))
        .header(HttpHeaders.CONTENT_TYPE, PrometheusText.CONTENT_TYPE)
        .build();
  }

  private MetricsSnapshot snapshot() {
    return collector.current();
  }
}
