package dev.fleetpanel.node.agent.server;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Trust managers trusting only the node issuer, for a test client that has no certificate. */
final class PanelTrust {

  private PanelTrust() {}

  static TrustManager[] onlyNodeIssuer(X509Certificate nodeIssuer) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("node-issuer", nodeIssuer);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }
}
