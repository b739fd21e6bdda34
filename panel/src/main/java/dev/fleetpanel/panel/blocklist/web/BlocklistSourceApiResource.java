package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.blocklist.BlocklistSource;
import dev.fleetpanel.panel.blocklist.SourceService;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's list API, {@code api/blocklist/sources}: GET, POST {@code {name, url, direction}}
 * (downloaded at once), PUT/DELETE {@code {id}}, POST {@code {id}/refresh} and {@code refresh-all}
 * ({@code [{name, success, ip_count, error}]}).
 */
@Path("api/blocklist/sources")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistSourceApiResource {
  @Inject SourceService sources;
  @Context HttpServletRequest request;

  @GET
  public List<SourceJson> list() {
    return sources.sources().stream().map(SourceJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(SourceBody body) {
    if (body == null) {
      throw new BadRequestException("a JSON body is required");
    }
    long id = sources.add(body.name(), body.url(), body.directionOr(Direction.IN), actor()).id();
    sources.refresh(id, actor());
    return Response.status(Response.Status.CREATED).entity(SourceJson.of(sources.get(id))).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SourceJson update(@PathParam("id") long id, SourceBody body) {
    if (body == null) {
      throw new BadRequestException("a JSON body is required");
    }
    String before = sources.get(id).url();
    BlocklistSource updated =
        sources.update(
            id, body.name(), body.url(), body.directionOr(null), body.enabled(), actor());
    if (updated.url().equals(before)) {
      return SourceJson.of(updated);
    }
    // Another address is another list: downloaded now, as a new list is.
    sources.refresh(id, actor());
    return SourceJson.of(sources.get(id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    sources.delete(id, actor());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/refresh")
  public Map<String, Object> refresh(@PathParam("id") long id) {
    return json(sources.refresh(id, actor()));
  }

  @POST
  @Path("refresh-all")
  public List<Map<String, Object>> refreshAll() {
    return sources.refreshAll(actor()).stream().map(BlocklistSourceApiResource::json).toList();
  }

  private static Map<String, Object> json(SourceService.Refresh r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", r.name());
    out.put("success", r.ok());
    out.put("ip_count", r.entries());
    out.put("error", r.error());
    return out;
  }

  private dev.fleetpanel.panel.audit.Actor actor() {
    return RequestInfo.of(request).actor();
  }
}
