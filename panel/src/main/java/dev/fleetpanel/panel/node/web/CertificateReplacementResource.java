package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.node.NodeConnections.Replacement;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST api/servers/{id}/replace-node-cert}: gives the server's node a new certificate (key
 * made on the node) and revokes the one before. 200 with {@code {ok, serial, not_after}}, or {@code
 * ok: false} with the reason and error; on failure the node keeps its certificate.
 */
@Path("api/servers/{id}/replace-node-cert")
public class CertificateReplacementResource {
  @Inject NodeConnections connections;
  @Context HttpServletRequest request;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> replace(@PathParam("id") long id) {
    Replacement result = connections.replaceCertificate(id, RequestInfo.of(request).actor());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", result.ok());
    out.put("serial", result.serial());
    out.put("not_after", result.notAfter() == null ? null : result.notAfter().toString());
    out.put("reason", result.reason());
    out.put("error", result.detail());
    return out;
  }
}
