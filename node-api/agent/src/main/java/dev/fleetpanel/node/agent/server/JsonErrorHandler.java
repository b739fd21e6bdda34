package dev.fleetpanel.node.agent.server;

import dev.fleetpanel.node.agent.api.ErrorBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before Jersey (a body over the limit: 413, a malformed request:
 * 400), as {@code {"error": "..."}} with the status's reason and nothing else: no stack, no cause,
 * no server version.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    response.getHeaders().put(JSON);
    response.write(true, body(response.getStatus()), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(JSON);
    return body(status);
  }

  private static ByteBuffer body(int status) {
    String reason = HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
    return ByteBuffer.wrap(ErrorBody.json(reason).getBytes(StandardCharsets.UTF_8));
  }
}
