package bench.fleet;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * All simulated nodes in one Jetty server: one TLS connector per live node on {@link #ADDRESS},
 * each with the node's own context and the client certificate required at the handshake, as the
 * agent's. Dead nodes get no connector, so their ports refuse connections.
 */
final class FleetServer implements AutoCloseable {

  static final String ADDRESS = "127.0.0.1";

  /**
   * Threads beyond the connectors' own: requests are answered without blocking, so a few serve the
   * whole fleet.
   */
  private static final int WORKER_THREADS = 16;

  private final Server server;
  private final Map<Connector, SimNode> nodes;

  private FleetServer(Server server, Map<Connector, SimNode> nodes) {
    this.server = server;
    this.nodes = nodes;
  }

  /** Starts serving {@code fleet}; a node's port 0 picks a free port (see {@link #port}). */
  static FleetServer start(List<SimNode> fleet, Clock clock, RequestStats stats) throws Exception {
    List<SimNode> live = fleet.stream().filter(n -> n.behaviour() != Behaviour.DEAD).toList();
    // Each connector needs one thread for its selector (no acceptor threads: the selector
    // accepts), so the pool is sized to the fleet instead of Jetty's default 200.
    QueuedThreadPool threads = new QueuedThreadPool(live.size() + WORKER_THREADS, 4);
    threads.setName("fleet");
    Server server = new Server(threads);
    Map<Connector, SimNode> nodes = new IdentityHashMap<>();
    for (SimNode node : live) {
      ServerConnector connector = new ServerConnector(server, 0, 1, tls(node));
      connector.setHost(ADDRESS);
      connector.setPort(node.port());
      connector.setIdleTimeout(node.behaviour().idleTimeout.toMillis());
      server.addConnector(connector);
      nodes.put(connector, node);
    }
    server.setHandler(new FleetHandler(nodes, clock, stats, server.getScheduler()));
    server.setStopAtShutdown(false);
    // No graceful wait at stop: a hanging node's requests would hold it until the timeout.
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new FleetServer(server, nodes);
  }

  private static SslContextFactory.Server tls(SimNode node) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(node.tls());
    factory.setNeedClientAuth(true);
    return factory;
  }

  /** The port {@code node} listens on, -1 for a dead node. */
  int port(SimNode node) {
    return nodes.entrySet().stream()
        .filter(e -> e.getValue() == node)
        .mapToInt(e -> ((ServerConnector) e.getKey()).getLocalPort())
        .findFirst()
        .orElse(-1);
  }

  /** Stops accepting and closes every connection, held requests included. */
  @Override
  public void close() throws Exception {
    server.stop();
  }
}
