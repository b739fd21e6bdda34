package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.EnrolmentService.IssuedToken;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST api/servers/{id}/enrolment-token}: a token and the command that uses it, as JSON. */
@Path("api/servers/{id}/enrolment-token")
public class EnrolmentTokenResource extends EnrolmentTokenIssuer {
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> token(@PathParam("id") long id) {
    IssuedToken issued = issue(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("server_id", issued.serverId());
    out.put("token", issued.token());
    out.put("command", issued.command());
    out.put("expires_at", issued.expiresAt().toString());
    return out;
  }
}
