package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code POST servers/{id}/replace-node-cert}: the details page's "Replace certificate" result. */
@Path("servers/{id}/replace-node-cert")
public class CertificateReplacementPageResource {
  @Inject NodeConnections connections;
  @Context HttpServletRequest request;

  @POST
  @Produces(MediaType.TEXT_HTML)
  public View replace(@PathParam("id") long id) {
    return View.fragment("node/replacement", "result")
        .with("replacement", connections.replaceCertificate(id, RequestInfo.of(request).actor()));
  }
}
