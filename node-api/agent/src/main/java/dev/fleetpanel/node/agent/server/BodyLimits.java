package dev.fleetpanel.node.agent.server;

import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Request body limits by path: a few paths (the blocklist's list uploads) may send up to {@code
 * largeLimit} bytes, every other one {@code smallLimit}. Jetty checks {@code Content-Length} before
 * the application reads anything and counts the bytes of a chunked body, answering 413. The chain
 * is this switch, the small limit, the large limit, the application: a large path skips the small
 * limit.
 */
final class BodyLimits extends Handler.Wrapper {

  private final Set<String> largePaths;
  private final SizeLimitHandler large;

  BodyLimits(long smallLimit, long largeLimit, Set<String> largePaths, Handler application) {
    this.largePaths = Set.copyOf(largePaths);
    this.large = new SizeLimitHandler(largeLimit, -1);
    large.setHandler(application);
    SizeLimitHandler small = new SizeLimitHandler(smallLimit, -1);
    small.setHandler(large);
    setHandler(small);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (largePaths.contains(Request.getPathInContext(request))) {
      return large.handle(request, response, callback);
    }
    return super.handle(request, response, callback);
  }
}
