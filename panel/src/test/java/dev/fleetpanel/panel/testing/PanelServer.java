package dev.fleetpanel.panel.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The built war running in Payara Micro, as {@code bin/fleetpanel start} runs it, on a fresh
 * PostgreSQL database. One instance is shared by the HTTP tests of a JVM (start-up takes about 20
 * s); {@link #restart()} stops and starts the same panel on the same database.
 */
public final class PanelServer {
  public static final String UID = "0123456789abcdef01234567";
  public static final String PASSWORD = "it-admin-password-1";

  /** What Payara logs when the war does not deploy; it then keeps running and answers nothing. */
  public static final String DEPLOYMENT_FAILED = "failed due to previous errors";

  private static PanelServer shared;

  private final TestDatabase database;
  private final Path data;
  private final int port;
  private Process process;

  private PanelServer(TestDatabase database, Path data, int port) {
    this.database = database;
    this.data = data;
    this.port = port;
  }

  /** The JVM-wide panel, started on first use and stopped when the JVM exits. */
  public static synchronized PanelServer shared() {
    if (shared == null) {
      TestDatabase db = TestDatabase.postgres();
      try {
        PanelServer server =
            new PanelServer(db, Files.createTempDirectory("fleetpanel-it"), freePort());
        try {
          server.start();
        } catch (RuntimeException e) {
          // A war that failed to deploy leaves Payara running: stop it, or it outlives the tests.
          server.stop();
          db.close();
          throw e;
        }
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      server.stop();
                      db.close();
                    }));
        shared = server;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  public String base() {
    return "http://127.0.0.1:" + port + "/" + UID + "/";
  }

  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public TestDatabase database() {
    return database;
  }

  public synchronized void restart() {
    stop();
    start();
  }

  private void start() {
    Path war = Path.of(System.getProperty("fleetpanel.war", "target/fleetpanel.war"));
    Path payara = Path.of(System.getProperty("fleetpanel.payara", "target/payara-micro.jar"));
    Path root = Path.of(System.getProperty("fleetpanel.root", ".."));
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-jar",
                payara.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                root.resolve("panel/payara/preboot.asadmin").toString(),
                "--postbootcommandfile",
                root.resolve("panel/payara/postboot.asadmin").toString(),
                "--rootdir",
                data.resolve("payara").toString()));
    Map<String, String> env = builder.environment();
    env.putAll(database.environment());
    env.put("FLEETPANEL_UID", UID);
    env.put("FLEETPANEL_ADMIN_PASSWORD", PASSWORD);
    env.put("FLEETPANEL_TRUSTED_PROXIES", "127.0.0.1,::1");
    env.put("FLEETPANEL_DATA", data.toString());
    env.remove("FLEETPANEL_DEV");
    deleteTree(data.resolve("payara"));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("panel.log").toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Payara Micro", e);
    }
    waitUntilReady();
  }

  private void waitUntilReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the panel exited during start-up:\n" + logTail());
      }
      if (log().contains(DEPLOYMENT_FAILED)) {
        throw new IllegalStateException("the war failed to deploy:\n" + logTail());
      }
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create(base() + "login"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("the panel did not answer within 240 s:\n" + logTail());
  }

  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public String log() {
    try {
      return Files.readString(data.resolve("panel.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private String logTail() {
    String log = log();
    return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
  }

  /**
   * Payara's root directory is scratch space; a kept one makes it deploy the war twice on the next
   * start.
   */
  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
