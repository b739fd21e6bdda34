package dev.fleetpanel.node.agent.enrol;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import javax.net.ssl.SSLContext;

/**
 * Replacing the node's certificate from the panel without the key ever leaving the node: {@link
 * #newRequest()} makes a new key and answers its CSR; the panel signs it and {@link #install}
 * checks the certificate (for that key, from the same issuer as the current one, valid now), writes
 * key and certificate as one change, and switches the server to them. Until then the current pair
 * keeps serving; a second {@link #newRequest()} supersedes the first.
 */
public final class CertificateRotation {

  /** The server's hook that takes a new TLS context. */
  @FunctionalInterface
  public interface Installer {
    void install(SSLContext context) throws Exception;
  }

  /** Why a certificate was not installed; {@code status} is the HTTP status to answer with. */
  public static final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final EnrolledFiles files;
  private final Installer installer;
  private final Clock clock;
  private NodeKeyRequest pending;

  public CertificateRotation(EnrolledFiles files, Installer installer, Clock clock) {
    this.files = files;
    this.installer = installer;
    this.clock = clock;
  }

  /** A new key, kept in memory until its certificate arrives; returns its CSR in PEM. */
  public synchronized String newRequest() {
    pending = CsrFactory.create();
    return Pem.csr(pending.csrDer());
  }

  /**
   * Installs the certificate signed for the pending key.
   *
   * @return the installed certificate
   * @throws Refused 409 without a pending key, 400 for a certificate that does not fit
   */
  public synchronized X509Certificate install(String certificatePem) throws Refused {
    if (pending == null) {
      throw new Refused(409, "no key is waiting for a certificate: ask for a CSR first");
    }
    X509Certificate certificate;
    try {
      certificate = Pem.parseCertificate(certificatePem);
    } catch (RuntimeException e) {
      throw new Refused(400, "cert_pem is not a PEM certificate");
    }
    check(certificate);
    String keyPem = Pem.privateKey(pending.privateKey());
    SSLContext context;
    try {
      context =
          TrustMaterial.forAgent(
              keyPem,
              certificatePem,
              files.read(EnrolledFiles.CLIENT_ISSUER),
              files.read(EnrolledFiles.CLIENT_CRL));
    } catch (IOException | RuntimeException e) {
      throw new Refused(400, "the certificate cannot be served with: " + e.getMessage());
    }
    try {
      files.replaceNodePair(keyPem, certificatePem);
      installer.install(context);
    } catch (Exception e) {
      throw new Refused(500, "the certificate could not be installed: " + e.getMessage());
    }
    pending = null;
    return certificate;
  }

  private void check(X509Certificate certificate) throws Refused {
    if (!certificate.getPublicKey().equals(CsrFactory.verifiedPublicKey(pending.csrDer()))) {
      throw new Refused(400, "the certificate is not for the key this node is waiting with");
    }
    X509Certificate current;
    try {
      current = Pem.parseCertificate(files.read(EnrolledFiles.CERTIFICATE));
    } catch (IOException | RuntimeException e) {
      throw new Refused(500, "the current certificate cannot be read: " + e.getMessage());
    }
    if (!certificate.getIssuerX500Principal().equals(current.getIssuerX500Principal())) {
      throw new Refused(400, "the certificate comes from another issuer than the current one");
    }
    try {
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (CertificateException e) {
      throw new Refused(400, "the certificate is not valid now");
    }
  }
}
