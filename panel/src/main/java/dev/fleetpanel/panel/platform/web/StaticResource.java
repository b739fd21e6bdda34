package dev.fleetpanel.panel.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files under the secret path: {@code static/...} from {@code src/main/webapp/static} and
 * {@code webjars/...} from the webjar libraries (htmx, Chart.js). Files are read once and kept in
 * memory.
 */
@Path("")
@Public
public class StaticResource {
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "map", "application/json");
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  @Context ServletContext servletContext;

  @GET
  @Path("static/{path: .+}")
  public Response file(@PathParam("path") String path, @Context Request request) {
    return serve("/static/" + path, request, false);
  }

  /** Webjar paths carry their version, so they can be cached for a year. */
  @GET
  @Path("webjars/{path: .+}")
  public Response webjar(@PathParam("path") String path, @Context Request request) {
    return serve("/webjars/" + path, request, true);
  }

  private Response serve(String resource, Request request, boolean immutable) {
    int dot = resource.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(resource.substring(dot + 1));
    if (type == null
        || resource.contains("..")
        || resource.contains("//")
        || resource.contains("\\")) {
      return Response.status(404).build();
    }
    byte[] body = CACHE.computeIfAbsent(resource, this::load);
    if (body.length == 0) {
      CACHE.remove(resource);
      return Response.status(404).build();
    }
    EntityTag tag =
        new EntityTag(Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + body.length);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(immutable ? 31_536_000 : 300);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    return Response.ok(body, type).tag(tag).cacheControl(cache).build();
  }

  private byte[] load(String resource) {
    try (InputStream in = servletContext.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
