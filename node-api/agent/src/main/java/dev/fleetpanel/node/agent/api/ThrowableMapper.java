package dev.fleetpanel.node.agent.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;

/**
 * Every error a resource or Jersey raises becomes {@code {"error": "..."}} with its status (404 for
 * an unknown path, 405 for a wrong method); anything unexpected is logged and answered 500 without
 * details. No stack trace ever reaches the client.
 */
public final class ThrowableMapper implements ExceptionMapper<Throwable> {

  private static final System.Logger LOG = System.getLogger(ThrowableMapper.class.getName());

  @Override
  public Response toResponse(Throwable error) {
    int status = Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
    String message = "internal error";
    if (error instanceof WebApplicationException web) {
      status = web.getResponse().getStatus();
      Response.StatusType type = Response.Status.fromStatusCode(status);
      message = type != null ? type.getReasonPhrase().toLowerCase() : "error " + status;
    } else {
      LOG.log(Level.ERROR, "request failed", error);
    }
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.json(message))
        .build();
  }
}
