package dev.fleetpanel.node.trust;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts peers of one role only, issued by one CA only. It wraps the JDK's PKIX trust manager,
 * built over a key store holding just that CA (chain, signature, validity period and, for servers,
 * the address check all happen there), and adds: the leaf must carry the extended key usage of its
 * role; a client's serial must not be on the CRL; a server is checked only when endpoint
 * identification is on ({@code HTTPS}), so a caller who forgets it gets a refusal, not a silent
 * pass.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {

  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private final X509ExtendedTrustManager pkix;
  private final boolean trustsClients;
  private final X509CRL crl;

  private PinnedTrustManager(X509Certificate issuer, boolean trustsClients, X509CRL crl) {
    this.pkix = pkixTrusting(issuer);
    this.trustsClients = trustsClients;
    this.crl = crl;
  }

  /** Trusts clients with clientAuth certificates from {@code issuer} not revoked by {@code crl}. */
  static PinnedTrustManager forClients(X509Certificate issuer, X509CRL crl) {
    return new PinnedTrustManager(issuer, true, crl);
  }

  /** Trusts servers with serverAuth certificates from {@code issuer} for the dialled address. */
  static PinnedTrustManager forServers(X509Certificate issuer) {
    return new PinnedTrustManager(issuer, false, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    requireRole(true);
    pkix.checkClientTrusted(chain, authType, socket);
    checkLeaf(chain[0], CLIENT_AUTH);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    requireRole(true);
    pkix.checkClientTrusted(chain, authType, engine);
    checkLeaf(chain[0], CLIENT_AUTH);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    requireRole(true);
    pkix.checkClientTrusted(chain, authType);
    checkLeaf(chain[0], CLIENT_AUTH);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    requireRole(false);
    if (!(socket instanceof SSLSocket ssl)
        || !"HTTPS".equals(ssl.getSSLParameters().getEndpointIdentificationAlgorithm())) {
      throw new CertificateException("endpoint identification (HTTPS) is off; node not checked");
    }
    pkix.checkServerTrusted(chain, authType, socket);
    checkLeaf(chain[0], SERVER_AUTH);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    requireRole(false);
    if (engine == null
        || !"HTTPS".equals(engine.getSSLParameters().getEndpointIdentificationAlgorithm())) {
      throw new CertificateException("endpoint identification (HTTPS) is off; node not checked");
    }
    pkix.checkServerTrusted(chain, authType, engine);
    checkLeaf(chain[0], SERVER_AUTH);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a node can only be checked against the address dialled");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }

  private void requireRole(boolean clients) throws CertificateException {
    if (clients != trustsClients) {
      throw new CertificateException(
          trustsClients ? "this side trusts clients only" : "this side trusts servers only");
    }
  }

  private void checkLeaf(X509Certificate leaf, String purpose) throws CertificateException {
    List<String> usages = leaf.getExtendedKeyUsage();
    if (usages == null || !usages.contains(purpose)) {
      throw new CertificateException(
          "extended key usage does not allow "
              + (CLIENT_AUTH.equals(purpose) ? "clientAuth" : "serverAuth"));
    }
    if (crl != null && crl.getRevokedCertificate(leaf.getSerialNumber()) != null) {
      throw new CertificateException(
          "certificate serial " + leaf.getSerialNumber().toString(16) + " is revoked");
    }
  }

  private static X509ExtendedTrustManager pkixTrusting(X509Certificate issuer) {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("issuer", issuer);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no PKIX X509ExtendedTrustManager");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("trust store cannot be built", e);
    }
  }
}
