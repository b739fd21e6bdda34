package dev.fleetpanel.panel.node;

import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.Validity;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enrolment of a node: "Add server" issues a single-use token for a server; the node sends its CSR
 * with an HMAC proof of the token's secret and gets its certificate, signed for the server's
 * address, plus the client issuer and its CRL to trust the panel by. Removing a server revokes its
 * certificates; replacing one revokes the one before. The revoked serials are also kept in memory,
 * so that the node client can refuse them on every call without a query.
 */
public final class EnrolmentService {
  /** Node certificates live two years; the panel re-issues them before that. */
  static final Duration NODE_CERT_VALIDITY = Duration.ofDays(2 * 365);

  /** A token just issued: {@code token} goes into the one-line command shown to the user. */
  public record IssuedToken(long serverId, String token, Instant expiresAt) {
    /** The command that enrols the node, run on the node. */
    public String command() {
      return "java -jar fleetpanel-node.jar enroll " + token;
    }
  }

  /** What an enrolled node receives: its certificate and what it trusts the panel by (PEM). */
  public record Enrolled(
      long serverId, String certificate, String clientIssuer, String clientCrl) {}

  /** Why an enrolment was refused; {@code status} is the HTTP status the API answers with. */
  public static final class EnrolmentRefused extends RuntimeException {
    private final int status;

    EnrolmentRefused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Tx tx;
  private final NodeTrust trust;
  private final ServerService servers;
  private final AuditService audit;
  private final Clock clock;
  private final Set<String> revokedSerials = ConcurrentHashMap.newKeySet();

  public EnrolmentService(
      Tx tx, NodeTrust trust, ServerService servers, AuditService audit, Clock clock) {
    this.tx = tx;
    this.trust = trust;
    this.servers = servers;
    this.audit = audit;
    this.clock = clock;
    servers.onRemoval((server, actor) -> revokeAll(server.id(), actor, null));
    revokedSerials.addAll(
        tx.call(
            () ->
                tx.em()
                    .createQuery(
                        "SELECT c.serial FROM NodeCertificate c WHERE c.revokedAt IS NOT NULL",
                        String.class)
                    .getResultList()));
  }

  /** Whether the panel revoked the node certificate with this serial. */
  public boolean isRevoked(BigInteger serial) {
    return revokedSerials.contains(serial.toString(16));
  }

  /** A new token for a server; {@code panelUrl} is the panel's public URL with its secret path. */
  public IssuedToken issueToken(long serverId, URI panelUrl, Actor actor) {
    return tx.call(
        () -> {
          Server server = servers.get(serverId);
          Instant now = clock.instant();
          EnrolmentToken token =
              EnrolmentToken.issue(panelUrl, trust.clientIssuer().fingerprint(), now);
          tx.em()
              .persist(
                  new PendingEnrolment(
                      token.tokenId(),
                      server.id(),
                      Base64.getEncoder().encodeToString(token.secret()),
                      NodeTrust.utc(token.expiresAt()),
                      NodeTrust.utc(now)));
          audit.record(
              actor, "node.enrolment_token", server.name(), "valid until " + token.expiresAt());
          return new IssuedToken(server.id(), token.encode(), token.expiresAt());
        });
  }

  /**
   * Signs a node's CSR if {@code proof} is the token's HMAC over it and the token is unused and
   * current. The token is consumed by the first valid attempt only.
   *
   * @throws EnrolmentRefused 404 unknown token, 403 wrong proof, 410 used or expired
   */
  public Enrolled enroll(String tokenId, byte[] csrDer, byte[] proof, Actor node) {
    return tx.call(
        () -> {
          PendingEnrolment pending =
              tokenId == null ? null : tx.em().find(PendingEnrolment.class, tokenId);
          if (pending == null) {
            throw new EnrolmentRefused(404, "unknown enrolment token");
          }
          byte[] secret = Base64.getDecoder().decode(pending.secretB64());
          if (!EnrolmentProof.verify(secret, csrDer, proof)) {
            throw new EnrolmentRefused(403, "the proof does not match the token");
          }
          Instant now = clock.instant();
          if (pending.usedAt() != null) {
            throw new EnrolmentRefused(410, "this enrolment token was already used");
          }
          if (!pending.expiresAt().toInstant().isAfter(now)) {
            throw new EnrolmentRefused(410, "this enrolment token has expired");
          }
          pending.useAt(NodeTrust.utc(now));
          Server server = servers.get(pending.serverId());
          X509Certificate certificate = issue(server, csrDer, now);
          // A node enrolled again has a new key: what it held before is no longer its own.
          revokeAll(server.id(), node, certificate.getSerialNumber().toString(16));
          audit.record(
              node,
              "node.enrolled",
              server.name(),
              "certificate " + certificate.getSerialNumber().toString(16));
          return new Enrolled(
              server.id(),
              Pem.certificate(certificate),
              trust.clientIssuer().certificatePem(),
              trust.clientCrlPem());
        });
  }

  /**
   * Signs a node certificate for {@code server} from its CSR and records it.
   *
   * @throws EnrolmentRefused 400 for a CSR that is not valid
   */
  X509Certificate issue(Server server, byte[] csrDer, Instant now) {
    X509Certificate certificate;
    try {
      certificate =
          trust
              .nodeIssuer()
              .issueNodeCertificate(
                  csrDer,
                  Long.toString(server.id()),
                  server.address(),
                  Validity.starting(now.minusSeconds(60), NODE_CERT_VALIDITY));
    } catch (IllegalArgumentException e) {
      throw new EnrolmentRefused(400, "the certificate request is not valid");
    }
    tx.em()
        .persist(
            new NodeCertificate(
                certificate.getSerialNumber().toString(16),
                server.id(),
                Pem.certificate(certificate),
                NodeTrust.utc(now),
                NodeTrust.utc(certificate.getNotAfter().toInstant())));
    return certificate;
  }

  /**
   * Signs a replacement certificate for a server from the CSR its node made; the current ones stay
   * valid until {@link #replaced} says the node installed it.
   */
  X509Certificate issueReplacement(long serverId, byte[] csrDer) {
    return tx.call(() -> issue(servers.get(serverId), csrDer, clock.instant()));
  }

  /** The node installed {@code installed}: every other certificate of the server is revoked. */
  void replaced(long serverId, X509Certificate installed, Actor actor) {
    String serial = installed.getSerialNumber().toString(16);
    tx.run(
        () -> {
          revokeAll(serverId, actor, serial);
          audit.record(
              actor, "node.certificate_replaced", servers.get(serverId).name(), "serial " + serial);
        });
  }

  /** A replacement the node did not install is revoked, so that it can never be used. */
  void abandoned(long serverId, X509Certificate issued, Actor actor) {
    tx.run(
        () -> {
          NodeCertificate c =
              tx.em().find(NodeCertificate.class, issued.getSerialNumber().toString(16));
          if (c != null && c.revokedAt() == null) {
            revoke(c, actor);
          }
        });
  }

  /** The certificates issued for a server, newest first. */
  public List<NodeCertificate> certificates(long serverId) {
    return tx.call(
        () ->
            tx.em()
                .createQuery(
                    "SELECT c FROM NodeCertificate c WHERE c.serverId = :s ORDER BY c.issuedAt DESC",
                    NodeCertificate.class)
                .setParameter("s", serverId)
                .getResultList());
  }

  /** Revokes every current certificate of the server except {@code keep} (may be null). */
  private void revokeAll(long serverId, Actor actor, String keep) {
    for (NodeCertificate c : certificates(serverId)) {
      if (c.revokedAt() == null && !c.serial().equals(keep)) {
        revoke(c, actor);
      }
    }
  }

  private void revoke(NodeCertificate c, Actor actor) {
    c.revokeAt(NodeTrust.utc(clock.instant()));
    revokedSerials.add(c.serial());
    audit.record(
        actor, "node.certificate_revoked", "server " + c.serverId(), "serial " + c.serial());
  }
}
