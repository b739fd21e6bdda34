package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.History;
import dev.fleetpanel.panel.metrics.HistoryService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET api/proxy/{id}/metrics/history?period=1h|24h|7d|30d|365d[&from=&to=]} (ISO-8601
 * instants): {@code {period, data_source, from_time, to_time, step_seconds, count, data, gaps}}.
 * Bad parameters get 422 naming the field.
 */
@Path("api/proxy/{id}/metrics/history")
public class HistoryResource {
  @Inject HistoryService history;
  @Inject ServerService servers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> history(
      @PathParam("id") long id,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to)
      throws SQLException {
    servers.get(id);
    HistoryService.Period p;
    try {
      p = HistoryService.Period.of(period == null ? "24h" : period);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("period", "history.period.invalid");
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    History h;
    try {
      h = history.history(id, p, start, end);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("from", "history.range.invalid");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("period", h.period());
    out.put("data_source", h.source());
    out.put("from_time", h.from().toString());
    out.put("to_time", h.to().toString());
    out.put("step_seconds", h.stepSeconds());
    out.put("count", h.points().size());
    out.put("data", h.points());
    List<Map<String, Object>> gaps =
        h.gaps().stream()
            .map(
                g -> {
                  Map<String, Object> gap = new LinkedHashMap<>();
                  gap.put("from", g.from().toString());
                  gap.put("to", g.to().toString());
                  gap.put("kind", g.kind());
                  return gap;
                })
            .toList();
    out.put("gaps", gaps);
    return out;
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "history.time.invalid");
    }
  }
}
