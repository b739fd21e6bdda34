package dev.fleetpanel.node.trust;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * One real TLS connection over loopback: a server thread accepts, handshakes and writes "ok"; the
 * client handshakes and reads a line. Every step has a timeout of a few seconds.
 */
public final class TlsProbe {

  static final int TIMEOUT_MS = 5_000;

  /** What each end saw. {@code serverPeer}/{@code clientPeer} are the certificates presented. */
  public record Outcome(
      String clientRead,
      Throwable clientError,
      Throwable serverError,
      X509Certificate serverSawClient,
      X509Certificate clientSawServer) {

    public boolean connected() {
      return "ok".equals(clientRead) && clientError == null && serverError == null;
    }
  }

  private record ServerSide(X509Certificate peer, Throwable error) {}

  private TlsProbe() {}

  public static Outcome connect(
      SSLContext server,
      SSLParameters serverParameters,
      SSLContext client,
      SSLParameters clientParameters)
      throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (SSLServerSocket listener =
        (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
      listener.setSSLParameters(serverParameters);
      listener.setSoTimeout(TIMEOUT_MS);
      CompletableFuture<ServerSide> serverSide =
          CompletableFuture.supplyAsync(() -> serve(listener));
      String read = null;
      Throwable clientError = null;
      X509Certificate sawServer = null;
      try (Socket plain = new Socket()) {
        plain.connect(new InetSocketAddress(loopback, listener.getLocalPort()), TIMEOUT_MS);
        plain.setSoTimeout(TIMEOUT_MS);
        try (SSLSocket socket =
            (SSLSocket)
                client.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true)) {
          socket.setSSLParameters(clientParameters);
          socket.startHandshake();
          sawServer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
          read =
              new BufferedReader(
                      new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                  .readLine();
        }
      } catch (Exception e) {
        clientError = e;
      }
      ServerSide result = serverSide.get(2L * TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return new Outcome(read, clientError, result.error(), result.peer(), sawServer);
    }
  }

  private static ServerSide serve(SSLServerSocket listener) {
    try (SSLSocket socket = (SSLSocket) listener.accept()) {
      socket.setSoTimeout(TIMEOUT_MS);
      socket.startHandshake();
      X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      OutputStream out = socket.getOutputStream();
      out.write("ok\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new ServerSide(peer, null);
    } catch (Exception e) {
      return new ServerSide(null, e);
    }
  }

  /** A context that presents {@code own} (or nothing) whatever the peer asks for. */
  static SSLContext presenting(KeyAndCertificate own, TrustManager trust) throws Exception {
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    KeyManager[] keys = own == null ? null : new KeyManager[] {new AlwaysPresent(own)};
    context.init(keys, new TrustManager[] {trust}, new SecureRandom());
    return context;
  }

  /** Presents its one certificate even when the peer names other issuers, as an attacker would. */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final KeyAndCertificate own;

    AlwaysPresent(KeyAndCertificate own) {
      this.own = own;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"own"};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "own";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return "own";
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[] {"own"};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return "own";
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return "own";
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {own.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return own.privateKey();
    }
  }
}
