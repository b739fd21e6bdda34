package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.blocklist.BlocklistException;
import dev.fleetpanel.node.agent.blocklist.BlocklistRequest;
import dev.fleetpanel.node.agent.blocklist.BlocklistService;
import dev.fleetpanel.node.agent.blocklist.ListContent;
import dev.fleetpanel.node.agent.blocklist.RequestShape;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * The node's IP blocklists under {@code /api/ipset} (capability domain {@code ipset}): the seed's
 * {@code status}, {@code list/{permanent|temp}?direction=}, {@code add}, {@code bulk-add}, {@code
 * remove} (DELETE with a body as in the seed, or POST), {@code bulk-remove}, {@code
 * clear/{permanent|temp}?direction=}, {@code timeout} (PUT) and {@code sync} (full or delta). The
 * address the request comes from (the panel) is never blocked. See {@code node-api/README.md}.
 */
@Path(BlocklistApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class BlocklistResource {

  /** Paths whose bodies may be as large as a whole list (see {@code AgentServer}). */
  public static final Set<String> LARGE_BODIES =
      Set.of("/api/ipset/sync", "/api/ipset/bulk-add", "/api/ipset/bulk-remove");

  @FunctionalInterface
  private interface Call {
    Response run() throws BlocklistException;
  }

  /** The JSON answer to a request body. */
  @FunctionalInterface
  private interface Answer {
    String of(BlocklistRequest request) throws BlocklistException;
  }

  private final BlocklistService service;

  /**
   * @param service null when the blocklist is off on this node: every call answers 503
   */
  public BlocklistResource(BlocklistService service) {
    this.service = service;
  }

  @GET
  @Path("status")
  public Response status() {
    return answer(() -> ok(BlocklistJson.status(service.status())));
  }

  @GET
  @Path("list/{list}")
  public Response list(
      @PathParam("list") String list,
      @DefaultValue("in") @QueryParam("direction") String direction) {
    return answer(
        () -> {
          ListKind kind = listKind(list);
          Direction way = direction(direction);
          ListContent content = service.list(way, kind);
          StreamingOutput body = out -> BlocklistJson.list(content, kind, way, out);
          return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        });
  }

  @POST
  @Path("add")
  public Response add(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return change(
        RequestShape.ADD,
        encoding,
        jetty,
        body,
        request -> BlocklistJson.single(service.add(request), false, request.ip()));
  }

  @POST
  @Path("bulk-add")
  public Response bulkAdd(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return change(
        RequestShape.BULK_ADD,
        encoding,
        jetty,
        body,
        request -> BlocklistJson.bulk(service.add(request), false));
  }

  @DELETE
  @Path("remove")
  public Response remove(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return change(
        RequestShape.REMOVE,
        encoding,
        jetty,
        body,
        request -> BlocklistJson.single(service.remove(request), true, request.ip()));
  }

  /** The same as DELETE, for clients that send no body with DELETE. */
  @POST
  @Path("remove")
  public Response removeByPost(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return remove(encoding, jetty, body);
  }

  @POST
  @Path("bulk-remove")
  public Response bulkRemove(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return change(
        RequestShape.BULK_REMOVE,
        encoding,
        jetty,
        body,
        request -> BlocklistJson.bulk(service.remove(request), true));
  }

  @POST
  @Path("clear/{list}")
  public Response clear(
      @PathParam("list") String list,
      @DefaultValue("in") @QueryParam("direction") String direction) {
    return answer(
        () -> ok(BlocklistJson.cleared(service.clear(direction(direction), listKind(list)))));
  }

  @PUT
  @Path("timeout")
  public Response timeout(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return change(
        RequestShape.TIMEOUT,
        encoding,
        jetty,
        body,
        request -> BlocklistJson.timeout(service.setTimeout(request)));
  }

  @POST
  @Path("sync")
  public Response sync(
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @Context Request jetty,
      InputStream body) {
    return change(
        RequestShape.SYNC,
        encoding,
        jetty,
        body,
        request -> BlocklistJson.sync(service.sync(request)));
  }

  /** Reads the body as {@code shape} says, then answers with what {@code answer} makes of it. */
  private Response change(
      RequestShape shape, String encoding, Request jetty, InputStream body, Answer answer) {
    return answer(() -> ok(answer.of(service.reader(peer(jetty)).read(body, encoding, shape))));
  }

  /** The address the request comes from: the panel, which must never be blocked. */
  private static InetAddress peer(Request jetty) {
    SocketAddress remote = jetty.getConnectionMetaData().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress socket ? socket.getAddress() : null;
  }

  private Response answer(Call call) {
    if (service == null) {
      return json(503, ErrorBody.json("the blocklist is off on this node (blocklist=off)"));
    }
    try {
      return call.run();
    } catch (BlocklistException e) {
      return json(e.status(), BlocklistJson.error(e));
    }
  }

  private static Direction direction(String value) throws BlocklistException {
    try {
      return Direction.parse(value);
    } catch (IllegalArgumentException e) {
      throw BlocklistException.badParameter(e.getMessage());
    }
  }

  private static ListKind listKind(String value) throws BlocklistException {
    try {
      return ListKind.parse(value);
    } catch (IllegalArgumentException e) {
      throw BlocklistException.badParameter(e.getMessage());
    }
  }

  private static Response ok(String body) {
    return json(200, body);
  }

  private static Response json(int status, String body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
