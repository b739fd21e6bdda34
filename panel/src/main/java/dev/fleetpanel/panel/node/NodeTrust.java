package dev.fleetpanel.panel.node;

import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.KeyAndCertificate;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.Validity;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The panel's trust material, created on first start and kept in {@code pki_material}: the node
 * issuer (signs node server certificates), the client issuer (signs the panel's client certificate)
 * and the panel's client certificate. Two issuers, so that a certificate stolen from a node is
 * never accepted by another node as the panel: agents trust only the client issuer for clients.
 */
public final class NodeTrust {
  static final String NODE_ISSUER = "node-issuer";
  static final String CLIENT_ISSUER = "client-issuer";
  static final String PANEL_CLIENT = "panel-client";
  static final int ISSUER_YEARS = 20;
  static final Duration CLIENT_VALIDITY = Duration.ofDays(2 * 365);

  /** How long a published client CRL stays current; agents keep enforcing an older one. */
  static final Duration CRL_VALIDITY = Duration.ofDays(30);

  private final Issuer nodeIssuer;
  private final Issuer clientIssuer;
  private final KeyAndCertificate panelClient;
  private final Clock clock;

  private NodeTrust(Issuer node, Issuer client, KeyAndCertificate panelClient, Clock clock) {
    this.nodeIssuer = node;
    this.clientIssuer = client;
    this.panelClient = panelClient;
    this.clock = clock;
  }

  /** Loads the material, creating what is missing, in one transaction. */
  public static NodeTrust load(Tx tx, Clock clock) {
    return tx.call(
        () -> {
          Instant now = clock.instant();
          Issuer node = issuer(tx, NODE_ISSUER, "Fleet Panel node issuer", now);
          Issuer client = issuer(tx, CLIENT_ISSUER, "Fleet Panel client issuer", now);
          PkiEntry stored = tx.em().find(PkiEntry.class, PANEL_CLIENT);
          KeyAndCertificate panel;
          if (stored == null) {
            panel =
                client.issueClientCertificate(
                    "Fleet Panel", Validity.starting(now.minusSeconds(60), CLIENT_VALIDITY));
            tx.em()
                .persist(
                    new PkiEntry(
                        PANEL_CLIENT, panel.certificatePem(), panel.privateKeyPem(), utc(now)));
          } else {
            panel = KeyAndCertificate.fromPem(stored.privateKeyPem(), stored.certificatePem());
          }
          return new NodeTrust(node, client, panel, clock);
        });
  }

  private static Issuer issuer(Tx tx, String name, String commonName, Instant now) {
    PkiEntry stored = tx.em().find(PkiEntry.class, name);
    if (stored != null) {
      return Issuer.fromPem(stored.certificatePem(), stored.privateKeyPem());
    }
    Issuer created = Issuer.create(commonName, ISSUER_YEARS, now);
    tx.em()
        .persist(new PkiEntry(name, created.certificatePem(), created.privateKeyPem(), utc(now)));
    return created;
  }

  public Issuer nodeIssuer() {
    return nodeIssuer;
  }

  public Issuer clientIssuer() {
    return clientIssuer;
  }

  public KeyAndCertificate panelClient() {
    return panelClient;
  }

  /**
   * The client issuer's current CRL, in PEM. The panel has one client certificate and never revokes
   * it yet, so the list is empty; agents still get it so that a later revocation reaches them the
   * same way.
   */
  public String clientCrlPem() {
    Instant now = clock.instant();
    X509CRL crl = clientIssuer.issueCrl(List.of(), now, now.plus(CRL_VALIDITY));
    return Pem.crl(crl);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
