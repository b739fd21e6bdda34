package dev.fleetpanel.node.agent.server;

import dev.fleetpanel.node.agent.api.ErrorBody;
import dev.fleetpanel.node.agent.api.PrometheusText;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.net.Cidr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The optional plain-HTTP listener for Prometheus: {@code GET /metrics} only, answered to addresses
 * in the allow-list; anybody else gets 403, any other path 404, any other method 405, all as JSON
 * errors. It is a second port rather than a relaxed main port so that the node API keeps refusing
 * clients without the panel's certificate at the handshake. Plain Jetty, no Jersey: one path needs
 * no framework.
 */
public final class PrometheusListener implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;

  private PrometheusListener(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts listening on {@code bind:port} ({@code port} 0 picks a free one). */
  public static PrometheusListener start(
      String bind, int port, List<Cidr> allow, MetricsCollector collector, String agentVersion)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server, 1, 1);
    server.addConnector(connector);
    server.setHandler(new MetricsHandler(allow, collector, new PrometheusText(agentVersion)));
    AgentServer.bound(server, connector, bind, port);
    server.start();
    return new PrometheusListener(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.setStopTimeout(2000);
    server.stop();
  }

  private static final class MetricsHandler extends Handler.Abstract {

    private final List<Cidr> allow;
    private final MetricsCollector collector;
    private final PrometheusText text;

    MetricsHandler(List<Cidr> allow, MetricsCollector collector, PrometheusText text) {
      this.allow = List.copyOf(allow);
      this.collector = collector;
      this.text = text;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (!allowed(request.getConnectionMetaData().getRemoteSocketAddress())) {
        return error(response, callback, HttpStatus.FORBIDDEN_403, "address_not_allowed");
      }
      if (!"/metrics".equals(Request.getPathInContext(request))) {
        return error(response, callback, HttpStatus.NOT_FOUND_404, "not found");
      }
      if (!"GET".equals(request.getMethod())) {
        return error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed");
      }
      String body = text.write(collector.current());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }

    private boolean allowed(SocketAddress remote) {
      if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
        return false;
      }
      InetAddress address = socket.getAddress();
      return allow.stream().anyMatch(network -> network.contains(address));
    }

    private static boolean error(Response response, Callback callback, int status, String error) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(
          true, ByteBuffer.wrap(ErrorBody.json(error).getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
  }
}
