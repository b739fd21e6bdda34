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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
  public Response history(
      @PathParam("id") long id,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to)
      throws SQLException {
    Instant created = servers.get(id).createdAt().toInstant();
    HistoryService.Period p;
    try {
      p = HistoryService.Period.of(period == null ? "24h" : period);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("period", "history.period.invalid");
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    History h = read(id, p, start, end, created);
    StreamingOutput body = out -> HistoryJson.write(h, out);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private History read(
      long id, HistoryService.Period period, Instant start, Instant end, Instant created)
      throws SQLException {
    try {
      return history.history(id, period, start, end, created);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("from", "history.range.invalid");
    }
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
