package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.NodeBlocklist;
import dev.fleetpanel.panel.nodesync.NodeSync;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET api/blocklist/server/{id}/status}: the node's own {@code /api/ipset/status}, asked now
 * ({@code node}, or why not in {@code error}), with the panel's records of its lists ({@code
 * sync}).
 */
@Path("api/blocklist/server/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistNodeApiResource {
  @Inject NodeSync sync;
  @Inject ServerService servers;
  @Inject NodeBlocklist nodes;

  @GET
  public Map<String, Object> status(@PathParam("id") long id) {
    Server server = servers.get(id);
    NodeBlocklist.Status status = nodes.status(server);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("server_id", id);
    out.put("node", status.node());
    out.put("error", status.error());
    out.put(
        "sync",
        sync.records().stream()
            .filter(r -> r.serverId() == id && r.item().startsWith("blocklist/"))
            .map(r -> SyncRecordJson.of(r, server.name()))
            .toList());
    return out;
  }
}
