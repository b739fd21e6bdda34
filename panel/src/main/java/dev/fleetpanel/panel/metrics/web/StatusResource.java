package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.FleetState;
import dev.fleetpanel.panel.metrics.NodeStatus;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET api/servers/status}: every server's collection status, {@code [{server_id, status,
 * since, last_sample_at, last_error, reason}]}, status one of online, offline, unknown.
 */
@Path("api/servers/status")
public class StatusResource {
  @Inject FleetState fleet;
  @Inject ServerService servers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> json() {
    return statuses().stream()
        .map(
            s -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("server_id", s.serverId());
              out.put("status", StatusRow.of(s).state());
              out.put("since", s.since().toString());
              out.put(
                  "last_sample_at", s.lastSampleAt() == null ? null : s.lastSampleAt().toString());
              out.put("last_error", s.lastError());
              out.put("reason", s.lastReason());
              return out;
            })
        .toList();
  }

  private List<NodeStatus> statuses() {
    return fleet.statuses(servers.list().stream().map(Server::id).toList());
  }
}
