package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.CollectorSettings;
import dev.fleetpanel.panel.metrics.CycleStats;
import dev.fleetpanel.panel.metrics.Poller;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.settings.IntSetting;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET api/collector}: the poll interval, the sample writer's counters and the latest poll
 * cycles (for operators and the fleet benchmark); {@code PUT api/collector {"interval_seconds",
 * "offline_after_polls"}} sets the interval (5-300) and the missed polls that make a server offline
 * (1-20), applied at the next cycle; a field left out keeps its value.
 */
@Path("api/collector")
public class CollectorResource {
  @Inject Poller poller;
  @Inject CollectorSettings settings;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("interval_seconds", settings.intervalSeconds());
    out.put("offline_after_polls", settings.offlineAfterPolls());
    out.put("samples_queued", poller.writer().queued());
    out.put("samples_written", poller.writer().written());
    out.put("samples_dropped", poller.writer().dropped());
    List<Map<String, Object>> cycles =
        poller.recentCycles().stream().map(CollectorResource::cycle).toList();
    out.put("cycles", cycles);
    return out;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> update(CollectorInput input) {
    if (input == null || (input.intervalSeconds() == null && input.offlineAfterPolls() == null)) {
      throw InvalidInputException.of("interval_seconds", "collector.interval.invalid");
    }
    int interval =
        input.intervalSeconds() == null ? settings.intervalSeconds() : input.intervalSeconds();
    int polls =
        input.offlineAfterPolls() == null
            ? settings.offlineAfterPolls()
            : input.offlineAfterPolls();
    check(CollectorSettings.INTERVAL, interval, "interval_seconds", "collector.interval.invalid");
    check(
        CollectorSettings.OFFLINE_POLLS, polls, "offline_after_polls", "collector.offline.invalid");
    settings.update(interval, polls, RequestInfo.of(request).actor());
    return status();
  }

  private static void check(IntSetting setting, int value, String field, String message) {
    try {
      setting.check(value);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(field, message);
    }
  }

  private static Map<String, Object> cycle(CycleStats c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("started_at", c.startedAt().toString());
    out.put("collected_ms", c.collectedMillis());
    out.put("settled_ms", c.settledMillis());
    out.put("polled", c.polled());
    out.put("succeeded", c.succeeded());
    out.put("failed", c.failed());
    out.put("skipped", c.skipped());
    return out;
  }
}
