package dev.fleetpanel.node.trust;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The TLS contexts of both ends of the panel-to-node connection (TLS 1.3 only, no trust-all
 * anywhere).
 *
 * <p>Agent (server): presents the node certificate and trusts, for clients, only the client issuer,
 * so a node certificate (node issuer, serverAuth) is never accepted as the panel. A client must
 * present a certificate: use {@link #agentParameters}, which sets {@code needClientAuth}.
 *
 * <p>Revocation: the agent checks the client's serial against the panel's CRL itself (a trust
 * manager wrapping the JDK's PKIX one) instead of enabling PKIX revocation checking. PKIX refuses
 * every certificate once the CRL is past its nextUpdate, and since the panel delivers new CRLs over
 * this very connection, a node that missed one would lock the panel out for good. A stale CRL is
 * still honoured: serials never leave it. The CRL must be signed by the client issuer.
 *
 * <p>Panel (client): presents the panel's client certificate and trusts, for servers, only the node
 * issuer. The node's certificate must name the address dialled (an IP or DNS subjectAltName): the
 * JDK checks it when the socket or engine has endpoint identification {@code HTTPS} ({@link
 * #panelParameters}; {@code java.net.http.HttpClient} sets it itself). Without it the trust manager
 * refuses the node rather than skipping the check. Sockets must be created with the node's address
 * as host (e.g. {@code factory.createSocket(address, port)}), since that is the name checked.
 *
 * <p>In TLS 1.3 the agent judges the client certificate after the client has finished its side of
 * the handshake, so on the panel an agent's refusal shows up as a failure of the first read, not of
 * {@code startHandshake()}.
 */
public final class TrustMaterial {

  static final String PROTOCOL = "TLSv1.3";

  private TrustMaterial() {}

  /** The agent's context, without a CRL (nothing revoked yet). */
  public static SSLContext forAgent(KeyAndCertificate node, X509Certificate clientIssuer) {
    return context(node, PinnedTrustManager.forClients(clientIssuer, null));
  }

  /** The agent's context, refusing client certificates whose serial is on {@code crl}. */
  public static SSLContext forAgent(
      KeyAndCertificate node, X509Certificate clientIssuer, X509CRL crl) {
    requireSignedBy(crl, clientIssuer);
    return context(node, PinnedTrustManager.forClients(clientIssuer, crl));
  }

  /** The agent's context from PEM: node key and certificate, client issuer, CRL (may be null). */
  public static SSLContext forAgent(
      String nodeKeyPem, String nodeCertificatePem, String clientIssuerPem, String crlPem) {
    KeyAndCertificate node = KeyAndCertificate.fromPem(nodeKeyPem, nodeCertificatePem);
    X509Certificate issuer = Pem.parseCertificate(clientIssuerPem);
    return crlPem == null ? forAgent(node, issuer) : forAgent(node, issuer, Pem.parseCrl(crlPem));
  }

  /** The panel's context: its client certificate, trusting only the node issuer for servers. */
  public static SSLContext forPanel(KeyAndCertificate panelClient, X509Certificate nodeIssuer) {
    return context(panelClient, PinnedTrustManager.forServers(nodeIssuer));
  }

  /** The panel's context from PEM: client key and certificate, node issuer. */
  public static SSLContext forPanel(
      String clientKeyPem, String clientCertificatePem, String nodeIssuerPem) {
    return forPanel(
        KeyAndCertificate.fromPem(clientKeyPem, clientCertificatePem),
        Pem.parseCertificate(nodeIssuerPem));
  }

  /** Parameters for the agent's server sockets or engines: client certificate required. */
  public static SSLParameters agentParameters(SSLContext agent) {
    SSLParameters parameters = agent.getDefaultSSLParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setNeedClientAuth(true);
    return parameters;
  }

  /**
   * Parameters for the panel's sockets or engines: the node's certificate must name its address.
   */
  public static SSLParameters panelParameters(SSLContext panel) {
    SSLParameters parameters = panel.getDefaultSSLParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    return parameters;
  }

  private static SSLContext context(KeyAndCertificate own, TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      context.init(keyManagers(own), new TrustManager[] {trust}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS context cannot be built", e);
    }
  }

  private static KeyManager[] keyManagers(KeyAndCertificate own) throws GeneralSecurityException {
    char[] password = new char[0];
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("own", own.privateKey(), password, new Certificate[] {own.certificate()});
      KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (IOException e) {
      throw new IllegalStateException("key store cannot be built", e);
    }
  }

  private static void requireSignedBy(X509CRL crl, X509Certificate issuer) {
    try {
      if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        throw new IllegalArgumentException("CRL is not from the client issuer");
      }
      crl.verify(issuer.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("CRL signature does not verify against the client issuer");
    }
  }
}
