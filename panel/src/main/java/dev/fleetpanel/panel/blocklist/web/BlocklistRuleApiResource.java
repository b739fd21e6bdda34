package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.NothingToBlockException;
import dev.fleetpanel.panel.blocklist.RuleService;
import dev.fleetpanel.panel.platform.web.ErrorMapper;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The seed's blocklist rule API: {@code api/blocklist/global} ({@code GET ?direction=&search=},
 * {@code POST {ip, direction, permanent, comment, duration_seconds}}), {@code global/bulk} ({@code
 * ips}), {@code global/{id}} (DELETE), {@code server/{id}} (GET, POST), {@code server/{id}/bulk},
 * {@code server/{id}/{rule_id}} (DELETE).
 */
@Path("api/blocklist")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistRuleApiResource {
  @Inject RuleService rules;
  @Context HttpServletRequest request;

  @GET
  @Path("global")
  public List<RuleJson> global(
      @QueryParam("direction") String direction, @QueryParam("search") String search) {
    return list(null, direction, search);
  }

  @POST
  @Path("global")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addGlobal(RuleBody body) {
    return add(null, body);
  }

  @POST
  @Path("global/bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addGlobalBulk(RuleBody body) {
    return add(null, body);
  }

  @DELETE
  @Path("global/{id}")
  public Response deleteGlobal(@PathParam("id") long id) {
    rules.delete(id, null, RequestInfo.of(request).actor());
    return Response.noContent().build();
  }

  @GET
  @Path("server/{server}")
  public List<RuleJson> server(
      @PathParam("server") long server,
      @QueryParam("direction") String direction,
      @QueryParam("search") String search) {
    return list(server, direction, search);
  }

  @POST
  @Path("server/{server}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addServer(@PathParam("server") long server, RuleBody body) {
    return add(server, body);
  }

  @POST
  @Path("server/{server}/bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addServerBulk(@PathParam("server") long server, RuleBody body) {
    return add(server, body);
  }

  @DELETE
  @Path("server/{server}/{rule}")
  public Response deleteServer(@PathParam("server") long server, @PathParam("rule") long rule) {
    rules.delete(rule, server, RequestInfo.of(request).actor());
    return Response.noContent().build();
  }

  private List<RuleJson> list(Long server, String direction, String search) {
    return rules.rules(server, DirectionParam.parse(direction, null), search).stream()
        .map(RuleJson::of)
        .toList();
  }

  private Response add(Long server, RuleBody body) {
    if (body == null) {
      throw new BadRequestException("a JSON body is required");
    }
    RuleService.Added added;
    try {
      added =
          rules.add(
              server,
              body.text(),
              body.directionOrIn(),
              body.lasting(),
              body.comment(),
              RequestInfo.of(request).actor());
    } catch (NothingToBlockException e) {
      Map<String, Object> answer = ErrorMapper.invalidBody(e);
      answer.put("problems", AddedJson.problems(e.input()));
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(answer)
          .build();
    }
    return Response.status(Response.Status.CREATED).entity(AddedJson.of(added)).build();
  }
}
