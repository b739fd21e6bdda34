package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.LoginBans;
import dev.fleetpanel.panel.node.EnrolmentService;
import dev.fleetpanel.panel.node.EnrolmentService.EnrolmentRefused;
import dev.fleetpanel.panel.platform.web.Public;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's {@code enroll} command posts its CSR here ({@code api/nodes/enroll}). A wrong proof or
 * an unknown token counts as a failed login for the caller's IP, so the endpoint cannot be used to
 * guess secrets.
 */
@Path("api/nodes/enroll")
public class EnrolmentResource {
  /** {@code POST api/nodes/enroll} body; {@code csr} and {@code proof} are base64 (DER, HMAC). */
  public record EnrolRequest(String tokenId, String csr, String proof) {}

  @Inject EnrolmentService enrolment;
  @Inject AuthService auth;
  @Context HttpServletRequest request;

  @POST
  @Public
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response enroll(EnrolRequest body) {
    String ip = RequestInfo.of(request).actor().ip();
    LoginBans.Status ban = auth.bans().status(ip);
    if (ban.banned()) {
      return Response.status(429)
          .header("Retry-After", ban.remainingSeconds())
          .entity(Map.of("error", "too many failed attempts from this IP; try again later"))
          .build();
    }
    if (body == null || body.tokenId() == null || body.csr() == null || body.proof() == null) {
      throw new BadRequestException("token_id, csr and proof are required");
    }
    byte[] csr;
    byte[] proof;
    try {
      csr = Base64.getDecoder().decode(body.csr());
      proof = Base64.getDecoder().decode(body.proof());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("csr and proof must be base64");
    }
    try {
      EnrolmentService.Enrolled enrolled =
          enrolment.enroll(body.tokenId(), csr, proof, new Actor("node", ip));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("server_id", enrolled.serverId());
      out.put("certificate", enrolled.certificate());
      out.put("client_issuer", enrolled.clientIssuer());
      out.put("client_crl", enrolled.clientCrl());
      return Response.ok(out).build();
    } catch (EnrolmentRefused refused) {
      if (refused.status() == 403 || refused.status() == 404) {
        auth.bans().recordFailure(ip);
      }
      return Response.status(refused.status())
          .entity(Map.of("error", refused.getMessage()))
          .build();
    }
  }
}
