package dev.fleetpanel.node.agent.server;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The agent's TLS settings: its context (key, certificate, the client issuer it trusts, the CRL)
 * with a client certificate required at the handshake. {@link #replace} swaps the context while
 * serving: new handshakes use the new one, open connections keep theirs.
 */
public final class AgentTls {

  private final SslContextFactory.Server factory = new SslContextFactory.Server();

  private AgentTls(SSLContext context) {
    factory.setSslContext(context);
    factory.setNeedClientAuth(true);
  }

  public static AgentTls of(SSLContext context) {
    return new AgentTls(context);
  }

  /** Installs {@code context} for the next handshakes. */
  public void replace(SSLContext context) throws Exception {
    factory.reload(f -> f.setSslContext(context));
  }

  SslContextFactory.Server factory() {
    return factory;
  }
}
