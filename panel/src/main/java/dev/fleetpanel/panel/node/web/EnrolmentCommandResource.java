package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.EnrolmentService.IssuedToken;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST servers/{id}/enrolment}: the "Enrol" button's fragment with the one-line command. */
@Path("servers/{id}/enrolment")
public class EnrolmentCommandResource extends EnrolmentTokenIssuer {
  @POST
  @Produces(MediaType.TEXT_HTML)
  public View command(@PathParam("id") long id) {
    IssuedToken issued = issue(id);
    return View.fragment("node/enrolment", "enrolment")
        .with("command", issued.command())
        .with("expiresAt", issued.expiresAt().toString());
  }
}
