package dev.fleetpanel.node.agent.server;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The agent's HTTPS server: Jersey on Jetty with mutual TLS, the client certificate required at the
 * handshake (a client without one never gets an HTTP answer). Bounded: connections idle for {@link
 * #IDLE_TIMEOUT} are closed, at most {@link #MAX_CONNECTIONS} are open (further ones wait in the
 * accept queue), request bodies over {@link #MAX_REQUEST_BODY} bytes are refused with 413, except
 * on the few paths given a larger limit (the blocklist's uploads, which stream their body).
 */
public final class AgentServer implements AutoCloseable {

  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final int MAX_CONNECTIONS = 64;
  public static final long MAX_REQUEST_BODY = 1024 * 1024;

  private final Server server;
  private final ServerConnector connector;

  private AgentServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts listening on {@code bind:port} ({@code port} 0 picks a free one).
   *
   * @param tls the agent's context ({@code TrustMaterial.forAgent}), replaceable while serving
   */
  public static AgentServer start(String bind, int port, AgentTls tls, ResourceConfig app)
      throws Exception {
    return start(bind, port, tls, app, Set.of(), MAX_REQUEST_BODY);
  }

  /**
   * As {@link #start(String, int, AgentTls, ResourceConfig)}, with bodies up to {@code largeLimit}
   * bytes accepted on {@code largePaths} (absolute request paths such as {@code /api/ipset/sync}).
   */
  public static AgentServer start(
      String bind,
      int port,
      AgentTls tls,
      ResourceConfig app,
      Set<String> largePaths,
      long largeLimit)
      throws Exception {
    SslContextFactory.Server sslFactory = tls.factory();
    JettyHttpContainer container = ContainerFactory.createContainer(JettyHttpContainer.class, app);
    URI uri = URI.create("https://localhost:" + port + "/");
    Server server = JettyHttpContainerFactory.createServer(uri, sslFactory, container, false);
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    server.setHandler(
        new BodyLimits(MAX_REQUEST_BODY, largeLimit, largePaths, server.getHandler()));
    bound(server, connector, bind, port);
    server.start();
    return new AgentServer(server, connector);
  }

  /**
   * The limits every listener of the agent has: the address, the idle timeout, the connection cap,
   * no server version, JSON errors, and no JVM shutdown hook of Jetty's own (the agent stops it).
   */
  static void bound(Server server, ServerConnector connector, String bind, int port) {
    connector.setHost(bind);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    connector
        .getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration()
        .setSendServerVersion(false);
    server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopAtShutdown(false);
  }

  /** The port listened on (the chosen one when started with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Stops accepting, lets running requests finish briefly, and closes every connection. */
  @Override
  public void close() throws Exception {
    server.setStopTimeout(2000);
    server.stop();
  }
}
