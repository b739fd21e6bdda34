package bench.fleet;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar fleet-sim.jar --panel URL --password PW --nodes N ...}: logs in to the panel,
 * adds and enrols N servers on 127.0.0.1, serves them as agents for {@code --minutes} (0: until
 * killed), then prints the requests served per behaviour. Progress goes to stderr; the {@code
 * ready} and {@code requests} lines go to stdout for scripts.
 */
public final class FleetSim {

  private final Options options;
  private final PanelClient panel;
  private long servingSince;
  private List<SimNode> fleet = List.of();
  private FleetServer server;
  private RequestStats stats;
  private boolean finished;

  private FleetSim(Options options) {
    this.options = options;
    this.panel = new PanelClient(options.panel());
  }

  public static void main(String[] args) {
    // Jetty says at INFO level that each of hundreds of connectors started.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("fleet-sim: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    try {
      new FleetSim(options).run();
      System.exit(0);
    } catch (Exception e) {
      System.err.println("fleet-sim: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run() throws Exception {
    panel.login(options.password());
    System.err.printf("logged in to %s; enrolling %d nodes%n", options.panel(), options.nodes());
    List<Behaviour> plan =
        BehaviourPlan.assign(options.nodes(), options.percents(), options.seed());
    long enrolStart = System.nanoTime();
    fleet = new FleetEnrolment(options, panel, System.err).enrol(plan, Clock.systemUTC());
    double enrolSeconds = FleetEnrolment.seconds(enrolStart);
    stats = new RequestStats(fleet);
    try {
      server = FleetServer.start(fleet, Clock.systemUTC(), stats);
    } catch (Exception e) {
      if (options.cleanup()) {
        deleteServers();
      }
      throw e;
    }
    servingSince = System.nanoTime();
    Runtime.getRuntime().addShutdownHook(new Thread(this::finish, "fleet-sim-stop"));
    if (options.nodesFile() != null) {
      Files.writeString(options.nodesFile(), nodesJson() + "\n", StandardCharsets.UTF_8);
    }
    System.out.printf(
        "ready %d nodes on %s:%d-%d (%s), enrolled in %.1f s%n",
        fleet.size(),
        FleetServer.ADDRESS,
        options.firstPort(),
        options.firstPort() + fleet.size() - 1,
        stats.nodeMix(),
        enrolSeconds);
    System.out.flush();
    if (options.minutes() > 0) {
      TimeUnit.MINUTES.sleep(options.minutes());
      finish();
    } else {
      Thread.currentThread().join();
    }
  }

  /** Stops serving and reports, once: at the end of --minutes or on SIGTERM/Ctrl-C. */
  private synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    double seconds = FleetEnrolment.seconds(servingSince);
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("fleet-sim: stopping Jetty: " + e);
    }
    System.out.println(stats.summary(seconds));
    System.out.flush();
    try {
      if (options.statsFile() != null) {
        stats.write(options.statsFile(), seconds);
      }
      if (options.cleanup()) {
        deleteServers();
      }
    } catch (IOException e) {
      System.err.println("fleet-sim: " + e.getMessage());
    }
  }

  /** Logs in again: the session may have expired while serving. */
  private void deleteServers() throws IOException {
    panel.login(options.password());
    for (SimNode node : fleet) {
      panel.deleteServer(node.serverId());
    }
    System.err.printf("deleted %d servers from the panel%n", fleet.size());
  }

  /** {@code [{"server_id", "name", "port", "behaviour"}]}: which panel server plays what. */
  private String nodesJson() {
    JsonArrayBuilder nodes = Json.createArrayBuilder();
    for (SimNode n : fleet) {
      nodes.add(
          Json.createObjectBuilder()
              .add("server_id", n.serverId())
              .add("name", n.name())
              .add("port", n.port())
              .add("behaviour", n.behaviour().wire()));
    }
    return nodes.build().toString();
  }
}
