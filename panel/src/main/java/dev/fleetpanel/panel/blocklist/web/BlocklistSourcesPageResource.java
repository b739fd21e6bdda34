package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.blocklist.SourceService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.web.ErrorMapper;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The Blocklist page's lists: add (downloaded at once), refresh one or all, enable, disable and
 * delete; each answers the redrawn list table.
 */
@Path("blocklist/sources")
@Produces(MediaType.TEXT_HTML)
public class BlocklistSourcesPageResource {
  @Inject SourceService sources;
  @Context HttpServletRequest request;

  /** What the form sent, shown back when refused. */
  public record SourceForm(String name, String url) {}

  static View withSources(View view, SourceService sources) {
    return view.with("sources", sources.sources().stream().map(SourceRow::of).toList())
        .with("sourceErrors", Map.of());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @FormParam("name") String name,
      @FormParam("url") String url,
      @FormParam("direction") String direction) {
    try {
      long id = sources.add(name, url, DirectionParam.parse(direction, Direction.IN), actor()).id();
      SourceService.Refresh first = sources.refresh(id, actor());
      return Response.ok(table(first)).build();
    } catch (InvalidInputException e) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(
              table(null)
                  .with("sourceErrors", e.errors())
                  .with("sourceForm", new SourceForm(name, url)))
          .build();
    }
  }

  @POST
  @Path("{id}/refresh")
  public View refresh(@PathParam("id") long id) {
    return table(sources.refresh(id, actor()));
  }

  @POST
  @Path("refresh-all")
  public View refreshAll() {
    List<SourceService.Refresh> all = sources.refreshAll(actor());
    return table(all.stream().filter(r -> !r.ok()).findFirst().orElse(null));
  }

  @POST
  @Path("{id}/enable")
  public View enable(@PathParam("id") long id) {
    sources.setEnabled(id, true, actor());
    return table(null);
  }

  @POST
  @Path("{id}/disable")
  public View disable(@PathParam("id") long id) {
    sources.setEnabled(id, false, actor());
    return table(null);
  }

  @DELETE
  @Path("{id}")
  public View delete(@PathParam("id") long id) {
    sources.delete(id, actor());
    return table(null);
  }

  private View table(SourceService.Refresh failed) {
    View view = withSources(View.fragment(BlocklistPageResource.TEMPLATE, "sources"), sources);
    if (failed != null && !failed.ok()) {
      view.with("sourceError", failed.name() + ": " + failed.error());
    }
    return view;
  }

  private dev.fleetpanel.panel.audit.Actor actor() {
    return RequestInfo.of(request).actor();
  }
}
