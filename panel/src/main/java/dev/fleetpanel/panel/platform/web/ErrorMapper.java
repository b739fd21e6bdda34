package dev.fleetpanel.panel.platform.web;

import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.errors.NotFoundException;
import dev.fleetpanel.panel.platform.i18n.Messages;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error as a clear answer and never a stack trace: {@code {"error": "..."}} under {@code
 * api/}, a short page elsewhere. Unexpected exceptions are logged and answered 500.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
  /** 422, which JAX-RS 3.1 has no constant for (without one the reason phrase reads "CUSTOM"). */
  public static final Response.StatusType UNPROCESSABLE =
      new Response.StatusType() {
        @Override
        public int getStatusCode() {
          return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
          return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
          return "Unprocessable Content";
        }
      };

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  @Context UriInfo uriInfo;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof InvalidInputException invalid) {
      return invalid(invalid);
    }
    int status;
    String message;
    if (error instanceof NotFoundException) {
      status = 404;
      message = error.getMessage();
    } else if (causedBy(error, BodyLimitFilter.TooLargeException.class)) {
      status = 413;
      message = "request body over " + BodyLimitFilter.MAX_BYTES + " bytes";
    } else if (causedBy(error, JsonbException.class) || error instanceof ProcessingException) {
      status = 400;
      message = "malformed JSON body";
    } else if (error instanceof WebApplicationException web) {
      status = web.getResponse().getStatus();
      String own = web.getMessage();
      message =
          own != null && !own.startsWith("HTTP ")
              ? own
              : web.getResponse().getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT);
    } else {
      LOG.log(Level.SEVERE, "unexpected error on " + uriInfo.getPath(), error);
      status = 500;
      message = "internal error";
    }
    if (isApi()) {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("error", message))
          .build();
    }
    return Response.status(status)
        .entity(View.page("error").with("status", status).with("message", message))
        .type(MediaType.TEXT_HTML_TYPE)
        .build();
  }

  private Response invalid(InvalidInputException invalid) {
    return Response.status(UNPROCESSABLE)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(invalidBody(invalid))
        .build();
  }

  /**
   * The JSON API's answer to invalid input, {@code {error: "invalid input", fields: {field:
   * message}}}, the messages in English; a resource may add to it.
   */
  public static Map<String, Object> invalidBody(InvalidInputException invalid) {
    Map<String, String> fields = new LinkedHashMap<>();
    invalid.errors().forEach((field, key) -> fields.put(field, Messages.get(Locale.ENGLISH, key)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "invalid input");
    body.put("fields", fields);
    return body;
  }

  private boolean isApi() {
    return uriInfo.getPath().startsWith("api/");
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
