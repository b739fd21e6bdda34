package bench.fleet;

import jakarta.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Answers every node's requests, finding the node by the connector the request came in on: {@code
 * GET /health}, {@code /api/version} and {@code /api/metrics} as the agent does, bent by the node's
 * behaviour. Nothing blocks a thread: a slow answer is scheduled, a hanging request is simply never
 * completed (Jetty holds it without a thread until the connection's idle timeout).
 */
final class FleetHandler extends Handler.Abstract.NonBlocking {

  private static final String JSON = "application/json";
  private static final String NOT_METRICS = "{\"not\":\"metrics\"}";
  private static final String HTML =
      "<!doctype html><html><head><title>502 Bad Gateway</title></head>"
          + "<body><h1>Bad Gateway</h1></body></html>";

  private final Map<Connector, SimNode> nodes;
  private final Clock clock;
  private final RequestStats stats;
  private final Scheduler scheduler;

  FleetHandler(
      Map<Connector, SimNode> nodes, Clock clock, RequestStats stats, Scheduler scheduler) {
    this.nodes = nodes;
    this.clock = clock;
    this.stats = stats;
    this.scheduler = scheduler;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    SimNode node = nodes.get(request.getConnectionMetaData().getConnector());
    if (node == null) {
      return false;
    }
    stats.count(node.behaviour());
    switch (node.behaviour()) {
      case HANGING -> {
        // Never completing the callback keeps the request open with no thread attached.
      }
      case SLOW -> {
        long delay = ThreadLocalRandom.current().nextLong(1000, 2501);
        scheduler.schedule(
            () -> answer(node, request, response, callback), delay, TimeUnit.MILLISECONDS);
      }
      default -> answer(node, request, response, callback);
    }
    return true;
  }

  private void answer(SimNode node, Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!"GET".equals(request.getMethod())) {
      send(response, callback, 405, JSON, error("method not allowed"));
      return;
    }
    switch (path) {
      case "/health" -> send(response, callback, 200, JSON, utf8("{\"status\":\"ok\"}"));
      case "/api/version" -> send(response, callback, 200, JSON, version(node));
      case "/api/metrics" -> metrics(node, response, callback);
      default -> send(response, callback, 404, JSON, error("not found"));
    }
  }

  /** A garbage node alternates between an HTML page and JSON that is not the document. */
  private void metrics(SimNode node, Response response, Callback callback) {
    long turn = node.metricsRequests().getAndIncrement();
    if (node.behaviour() != Behaviour.GARBAGE) {
      send(response, callback, 200, JSON, node.host().document(clock.instant()));
    } else if (turn % 2 == 0) {
      send(response, callback, 200, "text/html; charset=utf-8", utf8(HTML));
    } else {
      send(response, callback, 200, JSON, utf8(NOT_METRICS));
    }
  }

  private static byte[] version(SimNode node) {
    return utf8(
        Json.createObjectBuilder()
            .add("version", "sim")
            .add("component", "node")
            .add("node_name", node.name())
            .add("capabilities", Json.createObjectBuilder())
            .build()
            .toString());
  }

  private static byte[] error(String message) {
    return utf8(Json.createObjectBuilder().add("error", message).build().toString());
  }

  private static void send(
      Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
