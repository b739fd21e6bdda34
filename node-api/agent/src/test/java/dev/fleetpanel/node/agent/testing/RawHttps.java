package dev.fleetpanel.node.agent.testing;

import dev.fleetpanel.node.agent.TestPki;
import dev.fleetpanel.node.trust.TrustMaterial;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP exchange written by hand over mutual TLS, as the panel: for requests that announce a
 * body and never send it (Java 17's HttpClient hangs on {@code Expect: 100-continue} answered with
 * a final status, JDK-8286171).
 */
public final class RawHttps {

  private RawHttps() {}

  /** Sends {@code head} (request line and headers, ending in an empty line); the whole answer. */
  public static String exchange(int port, String head) throws Exception {
    SSLContext tls = TestPki.panelContext();
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSSLParameters(TrustMaterial.panelParameters(tls));
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A POST announcing {@code length} bytes of JSON. */
  public static String postHead(String path, long length) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + length
        + "\r\nConnection: close\r\n\r\n";
  }
}
