package dev.fleetpanel.panel.dashboard.web;

import dev.fleetpanel.panel.dashboard.DashboardQuery;
import dev.fleetpanel.panel.dashboard.DashboardService;
import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.metrics.CollectorSettings;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.web.BuildInfo;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard ({@code dashboard?q=&sort=&view=}); its refresh ({@code dashboard/refresh}), which
 * answers the next poller with out-of-band swaps of the summary and of only the cards that changed
 * since the browser's token (or of every folder when the set of folders or cards changed); and the
 * order saved by drag and drop ({@code POST dashboard/order}).
 */
@Path("dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {
  static final int MAX_IDS = 10_000;

  @Inject DashboardService dashboard;
  @Inject DashboardSettings settings;
  @Inject CardChanges changes;
  @Inject CollectorSettings collector;
  @Inject ServerService servers;
  @Context HttpServletRequest request;

  /**
   * The page, or its body for the filters' htmx request, which also gets the address to show
   * ({@code HX-Push-Url}): the query with its defaults left out, as links back carry it.
   */
  @GET
  public Response page(
      @QueryParam("q") String search,
      @QueryParam("sort") String sort,
      @QueryParam("view") String view) {
    DashboardQuery query = DashboardQuery.of(search, sort, view);
    DashboardPage page = new DashboardPage(dashboard.fleet(query));
    View body =
        page.withGroups(fill(page, View.page(DashboardPage.TEMPLATE, "dash-body")))
            .with(
                "scripts",
                List.of(
                    "webjars/sortablejs/" + BuildInfo.CURRENT.sortablejs() + "/Sortable.min.js"));
    return Response.ok(body).header("HX-Push-Url", "dashboard" + query.toQueryString()).build();
  }

  @GET
  @Path("refresh")
  public View refresh(
      @QueryParam("q") String search,
      @QueryParam("sort") String sort,
      @QueryParam("view") String view,
      @QueryParam("since") String since,
      @QueryParam("layout") String layout) {
    DashboardPage page = new DashboardPage(dashboard.fleet(DashboardQuery.of(search, sort, view)));
    View fragment = fill(page, View.fragment(DashboardPage.TEMPLATE, "refresh"));
    // Another layout gets every card: which changed is not asked.
    List<CardRow> changed =
        page.layout.equals(layout) ? changes.changedSince(page.rows, since) : List.of();
    return page.refresh(fragment, layout, changed);
  }

  /**
   * Saves a drop: {@code folder_id} (a folder's id, or {@code none}) and {@code ids}, the
   * comma-separated server ids of that folder in their new order. 204, or 422 when the folder or a
   * server is unknown.
   */
  @POST
  @Path("order")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response order(@FormParam("folder_id") String folder, @FormParam("ids") String ids) {
    servers.place(folderId(folder), serverIds(ids), RequestInfo.of(request).actor());
    return Response.noContent().build();
  }

  private View fill(DashboardPage page, View view) {
    String since = changes.observe(page.rows).toString();
    return page.fill(
        view,
        since,
        settings.thresholds(),
        collector.intervalSeconds(),
        RequestInfo.of(request).locale());
  }

  private static Long folderId(String folder) {
    if (folder == null || folder.isBlank() || folder.equals("none")) {
      return null;
    }
    try {
      return Long.parseLong(folder.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("folder_id", "server.folder.unknown");
    }
  }

  private static List<Long> serverIds(String ids) {
    List<Long> out = new ArrayList<>();
    if (ids == null || ids.isBlank()) {
      return out;
    }
    for (String id : ids.split(",", MAX_IDS + 1)) {
      if (out.size() == MAX_IDS || !id.strip().matches("[0-9]{1,18}")) {
        throw InvalidInputException.of("ids", "server.order.invalid");
      }
      out.add(Long.parseLong(id.strip()));
    }
    return out;
  }
}
