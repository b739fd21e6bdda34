package dev.fleetpanel.panel.node;

import dev.fleetpanel.node.trust.TrustMaterial;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The panel's one client for its nodes: mutual TLS with the panel's client certificate, trusting
 * only the node issuer and checking that the node's certificate names the address dialled, and
 * refusing an answer given under a certificate the panel revoked (replaced, or of a removed
 * server). Every call has a connect deadline and a total deadline that also covers a node which
 * sends its headers and then stalls.
 */
public final class NodeClient {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(8);

  /** Why a call failed, as the Servers page and the API name it. */
  public enum Failure {
    DNS,
    REFUSED,
    TLS,
    CAPABILITY,
    TIMEOUT,
    HTTP,
    NETWORK
  }

  /**
   * A call's outcome: the body on success, or the failure and its detail; {@code contentType} is
   * the answer's media type without parameters (null without an answer).
   */
  public record Reply(
      int status,
      String body,
      long latencyMillis,
      Failure failure,
      String detail,
      String contentType) {
    public boolean ok() {
      return failure == null;
    }

    /** Whether the answer says it is JSON. */
    public boolean json() {
      return "application/json".equals(contentType);
    }
  }

  private final SSLContext tls;
  private final Predicate<BigInteger> revoked;
  private volatile HttpClient http;

  /**
   * @param revoked whether the panel revoked the node certificate with this serial
   */
  public NodeClient(NodeTrust trust, Predicate<BigInteger> revoked) {
    this.tls = TrustMaterial.forPanel(trust.panelClient(), trust.nodeIssuer().certificate());
    this.revoked = revoked;
    this.http = newHttpClient();
  }

  private HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls)
        .sslParameters(TrustMaterial.panelParameters(tls))
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Starts from new connections: after a node's certificate was replaced, the kept-alive ones still
   * carry the old (now revoked) certificate's session. The old client's connections are left to the
   * agents' idle timeout.
   */
  public void renewConnections() {
    http = newHttpClient();
  }

  /** GETs {@code path} from the node at {@code address:port}. Never throws for network faults. */
  public Reply get(String address, int port, String path) {
    return send(request(address, port, path, TOTAL_TIMEOUT).GET().build(), TOTAL_TIMEOUT).join();
  }

  /**
   * GETs {@code path} without blocking a thread: the future completes with the reply, or with a
   * timeout failure once {@code deadline} has passed, also when the node sent its headers and then
   * stalled (the exchange is then cancelled). It never completes exceptionally.
   */
  public CompletableFuture<Reply> getAsync(
      String address, int port, String path, Duration deadline) {
    return send(request(address, port, path, deadline).GET().build(), deadline);
  }

  /** POSTs the JSON {@code body} to {@code path}. Never throws for network faults. */
  public Reply post(String address, int port, String path, String body) {
    return send(
            request(address, port, path, TOTAL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            TOTAL_TIMEOUT)
        .join();
  }

  /**
   * Sends {@code method path} with a JSON body ({@code gzipped}: already compressed, sent with
   * {@code Content-Encoding: gzip}; null body: none) and waits for the answer at most {@code
   * deadline}, headers and body. For the large changes of a feature (a blocklist of a million
   * entries): the body is built once and sent to every node. Never throws for network faults.
   */
  public Reply exchange(
      String address,
      int port,
      String method,
      String path,
      byte[] body,
      boolean gzipped,
      Duration deadline) {
    HttpRequest.Builder builder = request(address, port, path, deadline);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json");
      if (gzipped) {
        builder.header("Content-Encoding", "gzip");
      }
      builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return send(builder.build(), deadline).join();
  }

  private static HttpRequest.Builder request(
      String address, int port, String path, Duration deadline) {
    URI uri = URI.create("https://" + hostPart(address) + ":" + port + path);
    return HttpRequest.newBuilder(uri).timeout(deadline);
  }

  private CompletableFuture<Reply> send(HttpRequest request, Duration deadline) {
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    // The request timeout ends with the response headers; cancelling the exchange (JDK 16+ aborts
    // it) also bounds a body that never ends.
    CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> call.cancel(true));
    return call.handle(
        (response, error) -> {
          if (error == null) {
            return reply(response, started);
          }
          Throwable cause = error instanceof CompletionException ? error.getCause() : error;
          if (cause instanceof CancellationException) {
            return failure(
                started,
                Failure.TIMEOUT,
                "no complete answer within " + deadline.toMillis() / 1000.0 + " s");
          }
          return classify(started, cause);
        });
  }

  private Reply reply(HttpResponse<String> response, long started) {
    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    String type =
        response
            .headers()
            .firstValue("Content-Type")
            .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
            .orElse(null);
    BigInteger serial = peerSerial(response);
    if (serial == null || revoked.test(serial)) {
      return new Reply(
          0,
          null,
          latency,
          Failure.TLS,
          serial == null
              ? "the node presented no certificate"
              : "the node presented a revoked certificate (serial "
                  + serial.toString(16)
                  + "): replace its certificate or enrol it again",
          type);
    }
    if (response.statusCode() == 403
        && response.headers().firstValue("X-Capability-Denied").isPresent()) {
      return new Reply(
          403,
          response.body(),
          latency,
          Failure.CAPABILITY,
          "the node's owner does not allow "
              + response.headers().firstValue("X-Capability-Denied").get(),
          type);
    }
    if (response.statusCode() >= 400) {
      return new Reply(
          response.statusCode(),
          response.body(),
          latency,
          Failure.HTTP,
          "the node answered " + response.statusCode(),
          type);
    }
    return new Reply(response.statusCode(), response.body(), latency, null, null, type);
  }

  private static BigInteger peerSerial(HttpResponse<?> response) {
    try {
      SSLSession session = response.sslSession().orElse(null);
      if (session != null
          && session.getPeerCertificates().length > 0
          && session.getPeerCertificates()[0] instanceof X509Certificate certificate) {
        return certificate.getSerialNumber();
      }
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
    return null;
  }

  private static Reply classify(long started, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return failure(started, Failure.DNS, "the address does not resolve");
      }
      if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
        return failure(started, Failure.TIMEOUT, "no answer within the deadline");
      }
      if (t instanceof SSLException) {
        return failure(started, Failure.TLS, "TLS failed: " + t.getMessage());
      }
      if (t instanceof ConnectException) {
        return failure(
            started, Failure.REFUSED, "connection refused (is the agent running on that port?)");
      }
    }
    String message = error instanceof IOException ? error.getMessage() : String.valueOf(error);
    return failure(
        started, Failure.NETWORK, message == null ? error.getClass().getSimpleName() : message);
  }

  private static Reply failure(long started, Failure failure, String detail) {
    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new Reply(0, null, latency, failure, detail, null);
  }

  private static String hostPart(String address) {
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }
}
