package dev.fleetpanel.node.agent;

import dev.fleetpanel.node.agent.api.AgentApplication;
import dev.fleetpanel.node.agent.api.BlocklistResource;
import dev.fleetpanel.node.agent.blocklist.BlocklistConfig;
import dev.fleetpanel.node.agent.blocklist.BlocklistService;
import dev.fleetpanel.node.agent.capability.Access;
import dev.fleetpanel.node.agent.enrol.CertificateRotation;
import dev.fleetpanel.node.agent.enrol.EnrolledFiles;
import dev.fleetpanel.node.agent.enrol.Enroller;
import dev.fleetpanel.node.agent.enrol.EnrolmentException;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.server.AgentServer;
import dev.fleetpanel.node.agent.server.AgentTls;
import dev.fleetpanel.node.agent.server.PrometheusListener;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.trust.TrustMaterial;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * {@code java -jar fleetpanel-node.jar} serves; {@code java -jar fleetpanel-node.jar enroll
 * <token>} enrols. Exit codes: 0 done, 1 failure, 2 not enrolled or bad usage or configuration.
 */
public final class AgentMain {

  static final int FAILED = 1;
  static final int USAGE = 2;

  private AgentMain() {}

  public static void main(String[] args) {
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args) {
    AgentConfig config;
    try {
      config = AgentConfig.load(System.getenv());
    } catch (RuntimeException e) {
      System.err.println("fleetpanel-node: " + e.getMessage());
      return USAGE;
    }
    if (args.length == 2 && args[0].equals("enroll")) {
      return enroll(config, args[1]);
    }
    if (args.length != 0) {
      System.err.println("usage: fleetpanel-node.jar [enroll <token>]");
      return USAGE;
    }
    return serve(config);
  }

  private static int enroll(AgentConfig config, String token) {
    EnrolledFiles files = new EnrolledFiles(config.dir());
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
    try {
      String serverId = new Enroller(http, Clock.systemUTC(), files).enroll(token);
      System.out.println(
          "enrolled as server " + serverId + "; files in " + config.dir() + "; start the agent");
      return 0;
    } catch (EnrolmentException e) {
      System.err.println("fleetpanel-node: enrolment failed: " + e.getMessage());
      return FAILED;
    }
  }

  private static int serve(AgentConfig config) {
    EnrolledFiles files = new EnrolledFiles(config.dir());
    List<String> missing = files.missing();
    if (!missing.isEmpty()) {
      System.err.println(
          "fleetpanel-node: not enrolled: run `fleetpanel-node.jar enroll <token>` (missing in "
              + config.dir()
              + ": "
              + String.join(", ", missing)
              + ")");
      return USAGE;
    }
    SSLContext tls;
    try {
      if (files.finishReplacement()) {
        System.out.println("fleetpanel-node: completed an interrupted certificate replacement");
      }
      tls =
          TrustMaterial.forAgent(
              files.read(EnrolledFiles.KEY),
              files.read(EnrolledFiles.CERTIFICATE),
              files.read(EnrolledFiles.CLIENT_ISSUER),
              files.read(EnrolledFiles.CLIENT_CRL));
    } catch (IOException | RuntimeException e) {
      System.err.println("fleetpanel-node: cannot load the enrolled files: " + e.getMessage());
      return FAILED;
    }
    MetricsCollector collector = new MetricsCollector(config.root(), Clock.systemUTC());
    collector.start();
    // Before listening: after a reboot the kernel's sets are empty until the lists are restored.
    BlocklistService blocklist = startBlocklist(config);
    ScheduledExecutorService rearming = Executors.newSingleThreadScheduledExecutor(daemon());
    if (blocklist != null) {
      rearming.scheduleWithFixedDelay(blocklist::rearm, 1, 1, TimeUnit.HOURS);
    }
    AgentTls agentTls = AgentTls.of(tls);
    CertificateRotation rotation =
        new CertificateRotation(files, agentTls::replace, Clock.systemUTC());
    AgentServer server;
    try {
      server =
          AgentServer.start(
              config.bind(),
              config.port(),
              agentTls,
              AgentApplication.create(
                  collector, config.capabilities(), AgentVersion.current(), rotation, blocklist),
              BlocklistResource.LARGE_BODIES,
              BlocklistApi.maxBodyBytes(BlocklistApi.MAX_ENTRIES));
    } catch (Exception e) {
      collector.close();
      System.err.println(
          "fleetpanel-node: cannot listen on " + config.bind() + ":" + config.port() + ": " + e);
      return FAILED;
    }
    PrometheusListener prometheus = null;
    if (config.metricsPort() != 0) {
      try {
        prometheus =
            PrometheusListener.start(
                config.bind(),
                config.metricsPort(),
                config.metricsAllow(),
                collector,
                AgentVersion.current());
      } catch (Exception e) {
        closeQuietly(server);
        collector.close();
        System.err.println(
            "fleetpanel-node: cannot listen for /metrics on "
                + config.bind()
                + ":"
                + config.metricsPort()
                + ": "
                + e);
        return FAILED;
      }
      System.out.println(
          "fleetpanel-node: /metrics over plain HTTP on port "
              + prometheus.port()
              + " for "
              + config.metricsAllow());
    }
    System.out.println(
        "fleetpanel-node "
            + AgentVersion.current()
            + " listening on "
            + config.bind()
            + ":"
            + server.port());
    awaitShutdown(collector, server, prometheus, rearming::shutdownNow);
    return 0;
  }

  /** The blocklist, its lists restored; null when it is off or the panel may not touch it. */
  private static BlocklistService startBlocklist(AgentConfig config) {
    if (!config.blocklist()) {
      System.out.println("fleetpanel-node: the blocklist is off (blocklist=off)");
      return null;
    }
    if (config.capabilities().access("ipset") == Access.NO) {
      System.out.println("fleetpanel-node: the blocklist is off (capability.ipset=no)");
      return null;
    }
    CommandRunner runner =
        config.netns().isEmpty()
            ? CommandRunner.local()
            : CommandRunner.inNamespace(config.netns());
    BlocklistService blocklist =
        new BlocklistService(
            BlocklistConfig.of(config.stateDir(), config.panelAddresses()),
            runner,
            Clock.systemUTC());
    if (!blocklist.start()) {
      System.err.println(
          "fleetpanel-node: the blocklist is not ready (its calls answer 503 and retry): "
              + blocklist.error());
    }
    return blocklist;
  }

  private static ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task, "fleetpanel-blocklist-rearm");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Blocks until the JVM is asked to stop, then stops the listeners and the sampler. */
  private static void awaitShutdown(MetricsCollector collector, AutoCloseable... listeners) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable listener : listeners) {
                    closeQuietly(listener);
                  }
                  collector.close();
                  stopped.countDown();
                },
                "fleetpanel-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable listener) {
    if (listener == null) {
      return;
    }
    try {
      listener.close();
    } catch (Exception e) {
      System.err.println("fleetpanel-node: stopping: " + e.getMessage());
    }
  }
}
