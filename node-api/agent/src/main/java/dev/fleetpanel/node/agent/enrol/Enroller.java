package dev.fleetpanel.node.agent.enrol;

import dev.fleetpanel.node.trust.CertificateFingerprint;
import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code fleetpanel-node.jar enroll <token>}: makes a fresh key and CSR, proves to the panel that
 * it holds the token's secret (an HMAC over the CSR, the secret itself is never sent), and stores
 * the signed certificate with the panel's client issuer and CRL ({@link EnrolledFiles}).
 *
 * <p>The token carries the client issuer's SHA-256 fingerprint: an answer whose issuer differs is
 * refused and nothing is written, so whoever answers at the panel's address cannot make the agent
 * trust another client. The panel is reached over HTTPS with the system trust store; plain {@code
 * http://} is accepted only for a loopback host (development).
 */
public final class Enroller {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Clock clock;
  private final EnrolledFiles files;

  public Enroller(HttpClient http, Clock clock, EnrolledFiles files) {
    this.http = http;
    this.clock = clock;
    this.files = files;
  }

  /** Enrols this node and returns the panel's id for it. */
  public String enroll(String encodedToken) throws EnrolmentException {
    EnrolmentToken token;
    try {
      token = EnrolmentToken.decode(encodedToken);
    } catch (IllegalArgumentException e) {
      throw new EnrolmentException(e.getMessage() + "; copy the command from the panel again");
    }
    if (token.isExpiredAt(clock.instant())) {
      throw new EnrolmentException(
          "this enrolment token expired at "
              + token.expiresAt()
              + "; create a new one on the panel");
    }
    URI endpoint = endpoint(token.panelUrl());
    NodeKeyRequest request = CsrFactory.create();
    EnrolmentResponse answer = EnrolmentResponse.parse(post(endpoint, requestBody(token, request)));
    check(token, request, answer);
    String keyPem = Pem.privateKey(request.privateKey());
    loadable(keyPem, answer);
    try {
      files.write(keyPem, answer.certificatePem(), answer.clientIssuerPem(), answer.clientCrlPem());
    } catch (IOException e) {
      throw new EnrolmentException("cannot write to " + files.dir() + ": " + e.getMessage(), e);
    }
    return answer.serverId();
  }

  static URI endpoint(URI panelUrl) throws EnrolmentException {
    String scheme = panelUrl.getScheme();
    boolean loopback = isLoopback(panelUrl.getHost());
    if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
      throw new EnrolmentException(
          "the panel address " + panelUrl + " must use https (http only on this machine)");
    }
    String base = panelUrl.toString();
    return URI.create(base + (base.endsWith("/") ? "" : "/") + "api/nodes/enroll");
  }

  private static boolean isLoopback(String host) {
    return host != null
        && (host.equals("localhost")
            || host.startsWith("127.")
            || host.equals("[::1]")
            || host.equals("::1"));
  }

  private static String requestBody(EnrolmentToken token, NodeKeyRequest request) {
    Base64.Encoder b64 = Base64.getEncoder();
    byte[] csr = request.csrDer();
    return jakarta.json.Json.createObjectBuilder()
        .add("token_id", token.tokenId())
        .add("csr", b64.encodeToString(csr))
        .add("proof", b64.encodeToString(EnrolmentProof.compute(token, csr)))
        .build()
        .toString();
  }

  private HttpResponse<String> post(URI endpoint, String body) throws EnrolmentException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EnrolmentException("cannot reach the panel at " + endpoint + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnrolmentException("interrupted while talking to the panel", e);
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** What is written must be what serving can load (e.g. a CRL signed by the client issuer). */
  private static void loadable(String keyPem, EnrolmentResponse answer) throws EnrolmentException {
    try {
      TrustMaterial.forAgent(
          keyPem, answer.certificatePem(), answer.clientIssuerPem(), answer.clientCrlPem());
    } catch (RuntimeException e) {
      throw new EnrolmentException(
          "the panel's answer cannot be served with (" + e.getMessage() + "); nothing was written",
          e);
    }
  }

  private static void check(EnrolmentToken token, NodeKeyRequest request, EnrolmentResponse answer)
      throws EnrolmentException {
    X509Certificate issuer = answer.clientIssuer();
    if (!CertificateFingerprint.matches(issuer, token.clientIssuerFingerprint())) {
      throw new EnrolmentException(
          "the panel's client issuer does not match the fingerprint in the token "
              + "(got "
              + CertificateFingerprint.sha256Hex(issuer)
              + "); refusing to trust it, nothing was written");
    }
    if (!answer
        .certificate()
        .getPublicKey()
        .equals(CsrFactory.verifiedPublicKey(request.csrDer()))) {
      throw new EnrolmentException(
          "the panel returned a certificate for another key; nothing was written");
    }
  }
}
