package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.nodesync.NodeSync;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET api/blocklist/sync/status}: every node's lists ({@link SyncRecordJson}). */
@Path("api/blocklist/sync")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistSyncApiResource {
  @Inject NodeSync sync;
  @Inject ServerService servers;

  @GET
  @Path("status")
  public List<SyncRecordJson> status() {
    Map<Long, String> names = new HashMap<>();
    servers.list().forEach(s -> names.put(s.id(), s.name()));
    return sync.records().stream()
        .filter(r -> r.item().startsWith("blocklist/"))
        .map(r -> SyncRecordJson.of(r, names.get(r.serverId())))
        .toList();
  }
}
