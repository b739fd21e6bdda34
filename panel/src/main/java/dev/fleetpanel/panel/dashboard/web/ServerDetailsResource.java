package dev.fleetpanel.panel.dashboard.web;

import dev.fleetpanel.panel.dashboard.DashboardQuery;
import dev.fleetpanel.panel.metrics.CollectorSettings;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.platform.i18n.Messages;
import dev.fleetpanel.panel.platform.web.BuildInfo;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The server details page ({@code servers/{id}/details?period=&q=&sort=&view=}): the history charts
 * (drawn in the browser from the history API) and, asked for once the page is there ({@code
 * details/live}), the node's live state or why it could not be fetched. The dashboard's filters
 * ride along so that the way back keeps them.
 */
@Path("servers/{id}/details")
@Produces(MediaType.TEXT_HTML)
public class ServerDetailsResource {
  static final Set<String> PERIODS = Set.of("1h", "24h", "7d", "30d", "365d");

  /** The texts the charts show, sent to the browser as JSON (keys without {@code charts.}). */
  static final List<String> CHART_TEXTS =
      Stream.concat(
              Stream.of(
                  "average",
                  "peak",
                  "ram.used",
                  "swap",
                  "down",
                  "up",
                  "down.peak",
                  "up.peak",
                  "load1",
                  "load5",
                  "load15",
                  "disk.used",
                  "read",
                  "write",
                  "core",
                  "gap.node",
                  "gap.panel",
                  "loading",
                  "failed",
                  "empty",
                  "live.on"),
              NodeStatusView.TCP_STATES.stream().filter(s -> !s.equals("other")))
          .toList();

  @Inject NodeConnections connections;
  @Inject ServerService servers;
  @Inject CollectorSettings collector;
  @Context HttpServletRequest request;

  @GET
  public View details(
      @PathParam("id") long id,
      @QueryParam("period") String period,
      @QueryParam("q") String search,
      @QueryParam("sort") String sort,
      @QueryParam("view") String view) {
    Server server = servers.get(id);
    Locale locale = RequestInfo.of(request).locale();
    return View.page("dashboard/details", "content")
        .with("serverId", server.id())
        .with("serverName", server.name())
        .with("serverAddress", server.address() + ":" + server.agentPort())
        .with("back", DashboardQuery.of(search, sort, view).toQueryString())
        .with("period", period != null && PERIODS.contains(period) ? period : "24h")
        .with("pollSeconds", collector.intervalSeconds())
        .with("chartLabels", chartLabels(locale))
        .with(
            "scripts",
            List.of(
                "webjars/chart.js/" + BuildInfo.CURRENT.chartjs() + "/dist/chart.umd.min.js",
                "static/charts.js?v=" + BuildInfo.CURRENT.version()));
  }

  @GET
  @Path("live")
  public View live(@PathParam("id") long id) {
    Server server = servers.get(id);
    View view = View.fragment("dashboard/details", "live").with("serverId", server.id());
    NodeClient.Reply reply = connections.liveMetrics(id);
    if (!reply.ok()) {
      return view.with("failure", reply.failure().name().toLowerCase(Locale.ROOT))
          .with("detail", reply.detail());
    }
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      return view.with("node", NodeStatusView.of(reader.readObject()))
          .with("latency", reply.latencyMillis());
    } catch (JsonException | IllegalStateException e) {
      return view.with("failure", "http")
          .with("detail", "the node's answer is not the agent's JSON");
    }
  }

  static String chartLabels(Locale locale) {
    JsonObjectBuilder labels = Json.createObjectBuilder();
    for (String key : CHART_TEXTS) {
      labels.add(key, Messages.get(locale, "charts." + key));
    }
    labels.add("lang", locale.getLanguage());
    return labels.build().toString();
  }
}
