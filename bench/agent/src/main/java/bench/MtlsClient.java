package bench;

import dev.fleetpanel.node.trust.TrustMaterial;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTP/1.1 client over one kept-alive mutual-TLS connection, as the panel's poller keeps
 * its connection to a node. Written by hand rather than with {@code java.net.http} so that the
 * timing covers only the exchange on the wire (no client thread hand-offs) and the number of TLS
 * connections opened is known exactly.
 */
final class MtlsClient implements AutoCloseable {

  /** One answer; {@code nanos} runs from writing the request to reading the last body byte. */
  record Response(int status, Map<String, String> headers, byte[] body, long nanos) {

    double millis() {
      return nanos / 1e6;
    }
  }

  private static final int CONNECT_TIMEOUT_MS = 1_000;
  private static final int READ_TIMEOUT_MS = 10_000;
  private static final int MAX_HEADER_LINE = 8_192;
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final SSLContext tls;
  private final int port;
  private SSLSocket socket;
  private InputStream in;
  private OutputStream out;
  private int connections;

  MtlsClient(SSLContext tls, int port) {
    this.tls = tls;
    this.port = port;
  }

  /**
   * GETs {@code path} on the open connection, opening one first if there is none. A kept-alive
   * connection the agent has closed (idle timeout) is reopened once, as any HTTP client does;
   * {@link #connections()} tells how often that happened.
   */
  Response get(String path, boolean gzip) throws IOException {
    if (socket == null) {
      connect();
      return exchange(path, gzip);
    }
    try {
      return exchange(path, gzip);
    } catch (IOException stale) {
      close();
      connect();
      return exchange(path, gzip);
    }
  }

  /** TLS connections opened so far (1 when every request reused the first). */
  int connections() {
    return connections;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a connection we no longer use: nothing to do about a failure.
      }
      socket = null;
    }
  }

  private void connect() throws IOException {
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
    try {
      s.connect(new InetSocketAddress(Pki.ADDRESS, port), CONNECT_TIMEOUT_MS);
      s.setSoTimeout(READ_TIMEOUT_MS);
      s.setTcpNoDelay(true);
      s.setSSLParameters(TrustMaterial.panelParameters(tls));
      s.startHandshake();
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16_384);
    out = s.getOutputStream();
    connections++;
  }

  private Response exchange(String path, boolean gzip) throws IOException {
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + Pki.ADDRESS
            + ":"
            + port
            + "\r\nAccept: */*\r\n"
            + (gzip ? "Accept-Encoding: gzip\r\n" : "")
            + "\r\n";
    long start = System.nanoTime();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    int status = status(line());
    Map<String, String> headers = headers();
    byte[] body = body(headers);
    long nanos = System.nanoTime() - start;
    if ("close".equalsIgnoreCase(headers.get("connection"))) {
      close();
    }
    return new Response(status, headers, body, nanos);
  }

  private static int status(String line) throws IOException {
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + line);
    }
    return Integer.parseInt(parts[1]);
  }

  /** Header names lower-cased; a repeated header keeps its last value (none matters here). */
  private Map<String, String> headers() throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    return headers;
  }

  private byte[] body(Map<String, String> headers) throws IOException {
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return chunked();
    }
    String length = headers.get("content-length");
    if (length == null) {
      throw new IOException("answer has neither Content-Length nor chunked encoding");
    }
    return exactly(Integer.parseInt(length));
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      if (body.size() + size > MAX_BODY) {
        throw new IOException("body over " + MAX_BODY + " bytes");
      }
      body.write(exactly(size));
      line();
    }
    while (!line().isEmpty()) {
      // Trailers: none expected, skipped up to the blank line that ends the answer.
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = line();
    int semicolon = line.indexOf(';');
    return Integer.parseInt(semicolon < 0 ? line.strip() : line.substring(0, semicolon), 16);
  }

  private byte[] exactly(int length) throws IOException {
    if (length < 0 || length > MAX_BODY) {
      throw new IOException("bad body length " + length);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("connection closed inside the body");
    }
    return bytes;
  }

  /** One CRLF-terminated line in ASCII, without the CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed");
      }
      if (line.length() >= MAX_HEADER_LINE) {
        throw new IOException("header line over " + MAX_HEADER_LINE + " bytes");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
