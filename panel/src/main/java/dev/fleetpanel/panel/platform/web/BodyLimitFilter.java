package dev.fleetpanel.panel.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes with 413, whether announced by
 * Content-Length or not.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class BodyLimitFilter implements ContainerRequestFilter {
  public static final int MAX_BYTES = 1024 * 1024;

  /** The body went past the limit while being read. */
  public static final class TooLargeException extends IOException {
    TooLargeException() {
      super("request body over " + MAX_BYTES + " bytes");
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      // The body is not read: close the connection so the client is not left sending it.
      request.abortWith(
          Response.fromResponse(
                  AuthFilter.json(
                      Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
                      "request body over " + MAX_BYTES + " bytes"))
              .header("Connection", "close")
              .build());
      return;
    }
    request.setEntityStream(new Bounded(request.getEntityStream()));
  }

  private static final class Bounded extends FilterInputStream {
    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLargeException {
      read += n;
      if (read > MAX_BYTES) {
        throw new TooLargeException();
      }
    }
  }
}
