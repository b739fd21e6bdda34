package dev.fleetpanel.panel.node.web;

import dev.fleetpanel.panel.node.EnrolmentService;
import dev.fleetpanel.panel.node.EnrolmentService.IssuedToken;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.web.PublicUrl;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * Issues an enrolment token for a server: as JSON ({@code api/servers/{id}/enrolment-token}) or as
 * the command shown after "Enrol" on the Servers page ({@code servers/{id}/enrolment}). Each path
 * is a class of its own because JAX-RS matches the resource class first: under {@code api/servers}
 * or {@code servers} the servers resources would take the request.
 */
abstract class EnrolmentTokenIssuer {
  @Inject EnrolmentService enrolment;
  @Inject PanelConfig config;
  @Context HttpServletRequest request;
  @Context UriInfo uriInfo;

  IssuedToken issue(long id) {
    return enrolment.issueToken(
        id, PublicUrl.of(config, request, uriInfo), RequestInfo.of(request).actor());
  }
}
