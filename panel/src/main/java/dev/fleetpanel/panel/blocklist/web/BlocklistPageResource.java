package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.blocklist.BlocklistRule;
import dev.fleetpanel.panel.blocklist.BlocklistSettings;
import dev.fleetpanel.panel.blocklist.NothingToBlockException;
import dev.fleetpanel.panel.blocklist.RuleService;
import dev.fleetpanel.panel.blocklist.SourceService;
import dev.fleetpanel.panel.nodesync.NodeSync;
import dev.fleetpanel.panel.nodesync.SyncRecord;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.web.ErrorMapper;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Blocklist page's rules: the tabs for every server and one server, adding (one or thousands
 * pasted), listing with search, deleting, and the nodes' state, refreshed every 5 s.
 */
@Path("blocklist")
@Produces(MediaType.TEXT_HTML)
public class BlocklistPageResource {
  static final String TEMPLATE = "blocklist/page";
  static final int RULES_SHOWN = 300;
  static final Set<String> TABS = Set.of("global", "server", "lists", "settings");
  static final Set<String> DURATIONS = Set.of("600", "3600", "86400", "604800", "2592000");

  @Inject RuleService rules;
  @Inject ServerService servers;
  @Inject NodeSync sync;
  @Inject SourceService sources;
  @Inject BlocklistSettings settings;
  @Context HttpServletRequest request;

  @GET
  public View page(@QueryParam("tab") String tab, @QueryParam("server") String server) {
    String shown = tab != null && TABS.contains(tab) ? tab : "global";
    Long serverId = "server".equals(shown) ? serverId(server) : null;
    View view =
        View.page(TEMPLATE)
            .with("tab", shown)
            .with(
                "servers",
                servers.list().stream().map(s -> new ServerOption(s.id(), s.name())).toList())
            .with("serverId", serverId)
            .with("serverName", serverId == null ? null : servers.get(serverId).name())
            .with("errors", Map.of())
            .with("duration", "permanent");
    withRules(view, serverId, null, null);
    if (shown.equals("lists")) {
      BlocklistSourcesPageResource.withSources(view, sources);
    }
    if (shown.equals("settings")) {
      view.with("autoUpdate", settings.autoUpdate()).with("updateHours", settings.updateHours());
    }
    return withNodes(view);
  }

  /** A server to choose on the one-server tab. */
  public record ServerOption(long id, String name) {}

  @GET
  @Path("rules")
  public View rules(
      @QueryParam("server") String server,
      @QueryParam("direction") String direction,
      @QueryParam("search") String search) {
    Long serverId = serverId(server);
    return withRules(
        View.fragment(TEMPLATE, "rules").with("serverId", serverId),
        serverId,
        DirectionParam.parse(direction, null),
        search);
  }

  @POST
  @Path("rules")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @FormParam("server") String server,
      @FormParam("entries") String entries,
      @FormParam("direction") String direction,
      @FormParam("duration") String duration,
      @FormParam("comment") String comment) {
    Long serverId = serverId(server);
    View view =
        View.fragment(TEMPLATE, "add")
            .with("serverId", serverId)
            .with("serverName", serverId == null ? null : servers.get(serverId).name())
            .with("direction", direction)
            .with("duration", duration == null ? "permanent" : duration);
    try {
      RuleService.Added added =
          rules.add(
              serverId,
              entries,
              DirectionParam.parse(direction, Direction.IN),
              lasting(duration),
              comment,
              RequestInfo.of(request).actor());
      return Response.ok(
              view.with("added", added)
                  .with("problems", added.input().problems())
                  .with("errors", Map.of()))
          .header("HX-Trigger", "fp-rules-changed")
          .build();
    } catch (InvalidInputException e) {
      if (e instanceof NothingToBlockException nothing) {
        view.with("problems", nothing.input().problems());
      }
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(view.with("errors", e.errors()).with("entries", entries).with("comment", comment))
          .build();
    }
  }

  @DELETE
  @Path("rules/{id}")
  public String delete(@PathParam("id") long id) {
    rules.delete(id, RequestInfo.of(request).actor());
    return "";
  }

  @GET
  @Path("nodes")
  public View nodes() {
    return withNodes(View.fragment(TEMPLATE, "nodes"));
  }

  private View withRules(View view, Long serverId, Direction direction, String search) {
    List<BlocklistRule> found = rules.rules(serverId, direction, search);
    return view.with("ruleCount", found.size())
        .with("rules", found.stream().limit(RULES_SHOWN).map(RuleRow::of).toList());
  }

  private View withNodes(View view) {
    Map<Long, Map<String, SyncRecord>> byServer = new HashMap<>();
    for (SyncRecord r : sync.records()) {
      byServer.computeIfAbsent(r.serverId(), id -> new HashMap<>()).put(r.item(), r);
    }
    List<NodeSyncRow> nodes =
        servers.list().stream()
            .filter(Server::active)
            .map(s -> NodeSyncRow.of(s.id(), s.name(), byServer.getOrDefault(s.id(), Map.of())))
            .toList();
    return view.with("nodes", nodes);
  }

  private Long serverId(String server) {
    if (server == null || server.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(server.strip());
      servers.get(id);
      return id;
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("server", "blocklist.server.unknown");
    }
  }

  private static Duration lasting(String duration) {
    if (duration == null || duration.isBlank() || duration.equals("permanent")) {
      return null;
    }
    if (!DURATIONS.contains(duration)) {
      throw InvalidInputException.of("duration", "blocklist.duration.invalid");
    }
    return Duration.ofSeconds(Long.parseLong(duration));
  }
}
