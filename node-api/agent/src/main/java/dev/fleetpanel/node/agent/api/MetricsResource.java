package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import dev.fleetpanel.node.agent.metrics.PeakTracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Duration;

/**
 * {@code GET /api/metrics} (the whole document), {@code GET /api/metrics/{section}} and {@code GET
 * /metrics} (Prometheus text), all from the collector's latest snapshot. {@code ?peak_seconds=N}
 * (1-300) gives the network averages and 1-second peaks over the last N seconds instead of the
 * sampler's 5-second window: a poller asks for its own interval, so no peak between two polls is
 * missed.
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
  public Response metrics(@QueryParam("peak_seconds") String peakSeconds) {
    MetricsSnapshot snapshot;
    if (peakSeconds == null) {
      snapshot = snapshot();
    } else {
      int seconds;
      try {
        seconds = Integer.parseInt(peakSeconds);
      } catch (NumberFormatException e) {
        seconds = 0;
      }
      if (seconds < 1 || seconds > PeakTracker.HISTORY) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ErrorBody.json("peak_seconds must be 1-" + PeakTracker.HISTORY))
            .build();
      }
      snapshot = collector.current(Duration.ofSeconds(seconds));
    }
    StreamingOutput body = out -> json.write(snapshot, out);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
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
