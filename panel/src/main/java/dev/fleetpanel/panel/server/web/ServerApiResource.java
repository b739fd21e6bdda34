package dev.fleetpanel.panel.server.web;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The seed's server API: {@code GET/POST api/servers}, {@code PUT/DELETE api/servers/{id}}. */
@Path("api/servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServerApiResource {
  @Inject ServerService servers;
  @Context HttpServletRequest request;
  @Context UriInfo uriInfo;

  @GET
  public List<ServerJson> list() {
    return servers.list().stream().map(ServerJson::of).toList();
  }

  @GET
  @Path("{id}")
  public ServerJson get(@PathParam("id") long id) {
    return ServerJson.of(servers.get(id));
  }

  @POST
  public Response create(ServerInput input) {
    Actor actor = actor();
    ServerInput body = required(input);
    Server server = servers.create(body.toNewForm(), !Boolean.FALSE.equals(body.isActive()), actor);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(Long.toString(server.id())).build())
        .entity(ServerJson.of(server))
        .build();
  }

  @PUT
  @Path("{id}")
  public ServerJson update(@PathParam("id") long id, ServerInput input) {
    Actor actor = actor();
    Server current = servers.get(id);
    ServerInput body = required(input);
    Server server = servers.update(id, body.mergeInto(current), actor);
    if (body.isActive() != null && body.isActive() != server.active()) {
      server = servers.setActive(id, body.isActive(), actor);
    }
    return ServerJson.of(server);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    servers.delete(id, actor());
    return Response.noContent().build();
  }

  private Actor actor() {
    return RequestInfo.of(request).actor();
  }

  private static ServerInput required(ServerInput input) {
    if (input == null) {
      throw new BadRequestException("a JSON body is required");
    }
    return input;
  }
}
