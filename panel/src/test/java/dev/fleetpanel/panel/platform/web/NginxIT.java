package dev.fleetpanel.panel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import dev.fleetpanel.panel.testing.SystemTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real nginx in front of the real war, configured from {@code nginx/*.conf.template} exactly as
 * the installer renders them (plain string replacement), on loopback ports with a throw-away
 * self-signed certificate.
 */
class NginxIT {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final String UID = PanelServer.UID;

  /**
   * A client address that is not a trusted proxy of the panel (all of 127.0.0.0/8 is local on
   * Linux).
   */
  private static final String UNTRUSTED_LOOPBACK = "127.0.0.2";

  static PanelServer panel;
  static Path prefix;
  static Process nginx;
  static int httpPort;
  static int httpsPort;
  static String siteConf;
  static SSLContext tls;
  static HttpClient https;

  @BeforeAll
  static void start() throws Exception {
    SystemTests.assume(Files.isExecutable(NGINX), "nginx (Debian package nginx)");
    SystemTests.assume(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl (Debian package openssl)");
    assertThat(InetAddress.getByName("localhost").getHostAddress())
        .as("'localhost' must resolve to 127.0.0.1 (nginx listens on IPv4 loopback only)")
        .isEqualTo("127.0.0.1");
    panel = PanelServer.shared();

    prefix = Files.createTempDirectory("fleetpanel-nginx-it");
    // Started as root, nginx's workers run as an unprivileged user and must traverse the prefix
    // (temp dirs).
    Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));

    Path cert = prefix.resolve("cert.pem");
    Path key = prefix.resolve("key.pem");
    run(
        List.of(
            "/usr/bin/openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-days",
            "1",
            "-keyout",
            key.toString(),
            "-out",
            cert.toString()));
    tls = trusting(cert);

    httpPort = freePort();
    httpsPort = freePort();
    Path root = Path.of(System.getProperty("fleetpanel.root", ".."));
    siteConf =
        Files.readString(root.resolve("nginx/fleetpanel.conf.template"))
            .replace("@UID@", UID)
            .replace("@PANEL_PORT@", Integer.toString(panel.port()))
            .replace("@SERVER_NAME@", "localhost")
            .replace("@TLS_CERT@", cert.toString())
            .replace("@TLS_KEY@", key.toString())
            .replace("@HTTP_PORT@", "127.0.0.1:" + httpPort)
            .replace("@HTTPS_PORT@", "127.0.0.1:" + httpsPort);
    Path site = prefix.resolve("fleetpanel.conf");
    Files.writeString(site, siteConf);
    String main =
        Files.readString(root.resolve("nginx/nginx-standalone.conf.template"))
            .replace("@SITE_CONF@", site.toString());
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(conf, main);
    assertThat(siteConf + main)
        .as("every placeholder is replaced")
        .doesNotContainPattern("@[A-Z_]+@");

    // -e: the start-up error log goes to the prefix too, not to /var/log/nginx.
    List<String> base =
        List.of(
            NGINX.toString(),
            "-p",
            prefix + "/",
            "-c",
            conf.toString(),
            "-e",
            prefix.resolve("error.log").toString());
    List<String> test = new ArrayList<>(base);
    test.add("-t");
    run(test);

    List<String> serve = new ArrayList<>(base);
    serve.addAll(List.of("-g", "daemon off;"));
    nginx =
        new ProcessBuilder(serve)
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("nginx.out").toFile())
            .start();
    waitForTls();

    https =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (panel != null) {
        // The rate-limit test gets 127.0.0.1 banned by the panel: lift it so no other test class is
        // affected.
        Http admin = new Http(panel.base()).from("203.0.113.250");
        assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(admin.post("api/auth/clear-ban", "{\"ip\":\"127.0.0.1\"}").statusCode())
            .isEqualTo(200);
      }
    } finally {
      if (nginx != null) {
        nginx.destroy();
        if (!nginx.waitFor(30, TimeUnit.SECONDS)) {
          nginx.destroyForcibly().waitFor();
        }
      }
      if (prefix != null) {
        try (var paths = Files.walk(prefix)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  // --- the gate -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/login",
        "/other/x",
        "/api/auth/login",
        "/0123456789abcdef01234568/login",
        "/0123456789ABCDEF01234567/login",
        "/0123456789abcdef01234567x/login",
        "/0123456789abcdef01234567/static/..;/WEB-INF/web.xml"
      })
  void everyPathOutsideTheUidGetsNoResponseAtAll(String path) {
    assertNoResponse(https, URI.create(httpsOrigin() + path));
  }

  @Test
  void plainHttpGetsNoResponseEvenWithTheRightUid() {
    HttpClient plain =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    assertNoResponse(plain, URI.create("http://127.0.0.1:" + httpPort + "/" + UID + "/login"));
    assertNoResponse(plain, URI.create("http://127.0.0.1:" + httpPort + "/"));
    // Plain HTTP to the TLS port is dropped too, rather than answered with nginx's explanation
    // page.
    assertNoResponse(plain, URI.create("http://127.0.0.1:" + httpsPort + "/" + UID + "/login"));
  }

  // --- proxying -------------------------------------------------------------------------------

  @Test
  void theLoginPageIsProxiedOverTlsWithHstsAndNoVersion() throws Exception {
    HttpResponse<String> r = get("/" + UID + "/login");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Fleet Panel").contains("<base href=\"/" + UID + "/\">");
    assertThat(r.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=").doesNotContain("max-age=0"));
    assertThat(r.headers().firstValue("Server"))
        .hasValueSatisfying(s -> assertThat(s).doesNotContainPattern("\\d"));
    assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    // The panel's own security headers survive the proxy.
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void theUidWithoutSlashRedirectsWithinTheTlsOrigin() throws Exception {
    HttpResponse<String> r = get("/" + UID);
    assertThat(r.statusCode()).isBetween(300, 399);
    String location = r.headers().firstValue("Location").orElseThrow();
    URI target = URI.create(httpsOrigin() + "/").resolve(location);
    assertThat(target.toString()).isEqualTo(httpsOrigin() + "/" + UID + "/");
  }

  // --- client IP ------------------------------------------------------------------------------

  @Test
  void thePanelSeesTheTcpPeerThatNginxForwards() throws Exception {
    HttpResponse<String> r = get("/" + UID + "/api/auth/ban-status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"ip\":\"127.0.0.1\"");
  }

  /**
   * nginx replaces X-Forwarded-For with the TCP peer, so whatever the client sent is dropped. The
   * client is bound to 127.0.0.2 (java.net.http on Java 17 cannot choose its source address, hence
   * a raw TLS socket), an address that is not in FLEETPANEL_TRUSTED_PROXIES, like any remote
   * client.
   */
  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.7", "198.51.100.7, 127.0.0.1", "127.0.0.1", "not-an-ip"})
  void aClientCannotChooseTheIpThePanelSees(String spoofed) throws Exception {
    String response =
        rawGet(
            UNTRUSTED_LOOPBACK,
            "/" + UID + "/api/auth/ban-status",
            "X-Forwarded-For: " + spoofed + "\r\nX-Real-IP: 198.51.100.8\r\n");
    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(response)
        .contains("\"ip\":\"" + UNTRUSTED_LOOPBACK + "\"")
        .doesNotContain("198.51.100.7")
        .doesNotContain("198.51.100.8");
  }

  // --- login rate limit -----------------------------------------------------------------------

  @Test
  void loginPostsAreRateLimitedByNginx() throws Exception {
    Matcher rate = Pattern.compile("zone=fleetpanel_login:\\S+ rate=(\\d+)r/m;").matcher(siteConf);
    Matcher burst =
        Pattern.compile("limit_req zone=fleetpanel_login burst=(\\d+) nodelay;").matcher(siteConf);
    assertThat(rate.find()).as("limit_req_zone in the template").isTrue();
    assertThat(burst.find()).as("limit_req burst in the template").isTrue();
    int allowed = Integer.parseInt(burst.group(1)) + 1;

    // Wrong passwords: after 5 the panel bans 127.0.0.1 and answers its own 429 (JSON "too many
    // failed logins");
    // nginx's 429 is told apart by its body. Requests that reach the panel are slow (password
    // hashing) and the
    // bucket refills meanwhile, so keep going until nginx refuses, within a generous cap.
    int firstNginx429 = -1;
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= allowed + 60 && firstNginx429 < 0; i++) {
      HttpResponse<String> r =
          post("/" + UID + "/api/auth/login", "{\"password\":\"wrong-" + i + "\"}");
      statuses.add(r.statusCode());
      if (isNginx429(r)) {
        firstNginx429 = i;
      } else {
        assertThat(r.statusCode()).as("the panel's answer to a wrong password").isIn(401, 429);
      }
    }
    assertThat(firstNginx429)
        .as("nginx answers 429 at some point; statuses: %s", statuses)
        .isPositive();
    assertThat(firstNginx429)
        .as("nginx lets the first request and the burst through; statuses: %s", statuses)
        .isGreaterThan(allowed);

    // Both login endpoints share the zone, and path variants the backend maps to them cannot dodge
    // it.
    for (String path :
        List.of(
            "/" + UID + "/login",
            "/" + UID + "/api/auth/login/",
            "/" + UID + "/api/auth/login;x=1")) {
      HttpResponse<String> r = post(path, "{\"password\":\"wrong\"}");
      assertThat(isNginx429(r)).as("%s -> %s %s", path, r.statusCode(), r.body()).isTrue();
    }
    // GETs are not counted: the login page still loads.
    assertThat(get("/" + UID + "/login").statusCode()).isEqualTo(200);
  }

  private static boolean isNginx429(HttpResponse<String> r) {
    return r.statusCode() == 429
        && !r.body().contains("failed logins")
        && r.body().contains("429 Too Many Requests");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String httpsOrigin() {
    return "https://localhost:" + httpsPort;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return https.send(
        HttpRequest.newBuilder(URI.create(httpsOrigin() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return https.send(
        HttpRequest.newBuilder(URI.create(httpsOrigin() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * nginx's {@code return 444} closes the connection: the client sees an I/O error, never a status.
   */
  private static void assertNoResponse(HttpClient client, URI uri) {
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .as("%s must get no response", uri)
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(java.net.http.HttpTimeoutException.class);
  }

  /**
   * One HTTP/1.1 GET over TLS (verified like the HttpClient: same trust, hostname check) from a
   * chosen source IP.
   */
  private static String rawGet(String sourceIp, String path, String extraHeaders)
      throws IOException {
    Socket tcp = new Socket();
    tcp.bind(new InetSocketAddress(InetAddress.getByName(sourceIp), 0));
    tcp.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), httpsPort), 5000);
    tcp.setSoTimeout(30_000);
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket(tcp, "localhost", httpsPort, true)) {
      SSLParameters params = socket.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      params.setApplicationProtocols(new String[] {"http/1.1"});
      socket.setSSLParameters(params);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + httpsPort
                  + "\r\n"
                  + extraHeaders
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SSLContext trusting(Path certPem) throws Exception {
    X509Certificate cert;
    try (InputStream in = Files.newInputStream(certPem)) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("fleetpanel-nginx-it", cert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static void waitForTls() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!nginx.isAlive()) {
        throw new IllegalStateException("nginx exited (" + nginx.exitValue() + "):\n" + nginxLog());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), httpsPort), 1000);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "nginx did not listen on " + httpsPort + " within 20 s:\n" + nginxLog());
  }

  private static String nginxLog() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("nginx.out", "error.log")) {
      try {
        out.append(name).append(":\n").append(Files.readString(prefix.resolve(name))).append('\n');
      } catch (IOException e) {
        out.append(name).append(": (none)\n");
      }
    }
    return out.toString();
  }

  private static void run(List<String> command) throws Exception {
    Path log = Files.createTempFile(prefix, "cmd", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException("timed out: " + command);
    }
    assertThat(p.exitValue()).as("%s:\n%s", command, Files.readString(log)).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
