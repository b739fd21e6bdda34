package dev.fleetpanel.panel.platform;

import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.auth.ApiTokenService;
import dev.fleetpanel.panel.auth.AuthService;
import dev.fleetpanel.panel.auth.LoginBans;
import dev.fleetpanel.panel.auth.PanelSecrets;
import dev.fleetpanel.panel.auth.SessionTokens;
import dev.fleetpanel.panel.blocklist.BlocklistModule;
import dev.fleetpanel.panel.blocklist.BlocklistSettings;
import dev.fleetpanel.panel.blocklist.NodeBlocklist;
import dev.fleetpanel.panel.blocklist.RuleService;
import dev.fleetpanel.panel.blocklist.SourceFetcher;
import dev.fleetpanel.panel.blocklist.SourceService;
import dev.fleetpanel.panel.dashboard.DashboardService;
import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.metrics.CollectorRuns;
import dev.fleetpanel.panel.metrics.CollectorSettings;
import dev.fleetpanel.panel.metrics.FleetState;
import dev.fleetpanel.panel.metrics.HistoryService;
import dev.fleetpanel.panel.metrics.Partitions;
import dev.fleetpanel.panel.metrics.Poller;
import dev.fleetpanel.panel.metrics.PrometheusExport;
import dev.fleetpanel.panel.metrics.Rollups;
import dev.fleetpanel.panel.metrics.SampleWriter;
import dev.fleetpanel.panel.metrics.ScrapeToken;
import dev.fleetpanel.panel.node.DevNode;
import dev.fleetpanel.panel.node.EnrolmentService;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.node.NodeConnections;
import dev.fleetpanel.panel.node.NodeTrust;
import dev.fleetpanel.panel.nodesync.NodeSync;
import dev.fleetpanel.panel.nodesync.SyncStore;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.web.Templates;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The composition root: builds the panel's services once at deployment, in dependency order, and
 * hands them to CDI. Services are plain classes with constructors, so tests build them the same way
 * without a container.
 *
 * <p>A start-up failure (no database URL, database unreachable, bad setting) is fatal: the message
 * is logged and the process exits, rather than leaving a server up that answers nothing.
 */
@ApplicationScoped
public class Wiring {
  private static final Logger LOG = Logger.getLogger(Wiring.class.getName());

  @Inject Validator validator;

  private PanelConfig config;
  private Database database;
  private PanelSecrets secrets;
  private AuthService auth;
  private ApiTokenService apiTokens;
  private AuditService audit;
  private ServerService servers;
  private EnrolmentService enrolment;
  private NodeConnections connections;
  private CollectorSettings collectorSettings;
  private FleetState fleet;
  private Poller poller;
  private HistoryService history;
  private DashboardSettings dashboardSettings;
  private DashboardService dashboard;
  private ScrapeToken scrapeToken;
  private PrometheusExport prometheus;
  private NodeSync nodeSync;
  private BlocklistModule blocklist;
  private Templates templates;

  void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    try {
      config =
          PanelConfig.from(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
      database = Database.open(config);
      Clock clock = Clock.systemUTC();
      Tx tx = new Tx(database.entityManagerFactory());
      AtomicReference<PanelSecrets.FirstStart> first = new AtomicReference<>();
      secrets = PanelSecrets.load(tx, config, first);
      audit = new AuditService(tx, clock);
      SessionTokens tokens =
          new SessionTokens(secrets.signingKey(), config.sessionIdle(), config.sessionMax(), clock);
      auth = new AuthService(tx, secrets, tokens, new LoginBans(tx, clock), audit, clock);
      apiTokens = new ApiTokenService(tx, audit, clock);
      servers = new ServerService(tx, audit, validator, clock);
      NodeTrust trust = NodeTrust.load(tx, clock);
      enrolment = new EnrolmentService(tx, trust, servers, audit, clock);
      NodeClient nodeClient = new NodeClient(trust, enrolment::isRevoked);
      connections = new NodeConnections(nodeClient, servers, enrolment);
      collectorSettings = new CollectorSettings(tx, audit);
      fleet = new FleetState(clock, collectorSettings::offlineAfter);
      servers.onRemoval((server, actor) -> fleet.forget(server.id()));
      Partitions partitions = new Partitions(database.dataSource(), database.dialect());
      poller =
          new Poller(
              servers,
              nodeClient,
              fleet,
              new SampleWriter(database.dataSource(), partitions),
              new Rollups(database.dataSource(), partitions, clock),
              new CollectorRuns(database.dataSource()),
              collectorSettings,
              clock);
      history =
          new HistoryService(
              database.dataSource(), database.dialect(), clock, collectorSettings::interval);
      dashboardSettings = new DashboardSettings(tx, audit);
      dashboard = new DashboardService(servers, fleet, dashboardSettings, clock);
      scrapeToken = new ScrapeToken(tx, audit);
      prometheus = new PrometheusExport(servers, fleet);
      wireBlocklist(tx, nodeClient, clock);
      templates = Templates.forServletContext(context);
      if (config.devMode()) {
        DevNode.prepare(
            servers,
            enrolment,
            URI.create("http://127.0.0.1:" + config.port() + "/" + secrets.uid() + "/"),
            config.devAgentPort(),
            config.dataDir());
      }
      poller.start();
      nodeSync.start();
      blocklist.jobs().start();
      announce(first.get().generatedPassword());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Fleet Panel cannot start: " + e.getMessage(), e);
      System.err.println("Fleet Panel cannot start: " + e.getMessage());
      Runtime.getRuntime().halt(2);
    }
  }

  /**
   * The blocklist and the node sync it is the first user of: a rule or list change wakes the sync;
   * a node seen again retries what it missed.
   */
  private void wireBlocklist(Tx tx, NodeClient nodeClient, Clock clock) {
    blocklist =
        BlocklistModule.create(
            tx,
            audit,
            servers,
            nodeClient,
            new SourceFetcher(),
            config.dataDir(),
            clock,
            () -> nodeSync.changed());
    nodeSync =
        new NodeSync(
            new SyncStore(tx),
            servers,
            Map.of("blocklist", blocklist.target()),
            clock,
            Duration.ofMinutes(10));
    fleet.onOnline(nodeSync::nodeSeen);
  }

  /**
   * Writes the secret path to {@code $FLEETPANEL_DATA/secret-path} (owner-only) for the launcher,
   * and prints the generated admin password once, on the first start only.
   */
  private void announce(Optional<String> generatedPassword) {
    Path file = config.dataDir().resolve("secret-path");
    try {
      Files.createDirectories(config.dataDir());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, "/" + secrets.uid() + "/\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
    generatedPassword.ifPresent(
        password -> {
          System.out.println("FLEETPANEL first start: secret path /" + secrets.uid() + "/");
          System.out.println("FLEETPANEL first start: admin password " + password);
          System.out.println(
              "FLEETPANEL first start: these lines are shown once; change the password in Settings.");
        });
    LOG.info("Fleet Panel is ready (secret path in " + file + ").");
  }

  @PreDestroy
  void stop() {
    if (blocklist != null) {
      blocklist.jobs().close();
    }
    if (nodeSync != null) {
      nodeSync.close();
    }
    if (poller != null) {
      poller.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Produces
  PanelConfig config() {
    return config;
  }

  @Produces
  PanelSecrets secrets() {
    return secrets;
  }

  @Produces
  AuthService auth() {
    return auth;
  }

  @Produces
  ApiTokenService apiTokens() {
    return apiTokens;
  }

  @Produces
  AuditService audit() {
    return audit;
  }

  @Produces
  ServerService servers() {
    return servers;
  }

  @Produces
  EnrolmentService enrolment() {
    return enrolment;
  }

  @Produces
  NodeConnections connections() {
    return connections;
  }

  @Produces
  CollectorSettings collectorSettings() {
    return collectorSettings;
  }

  @Produces
  FleetState fleet() {
    return fleet;
  }

  @Produces
  Poller poller() {
    return poller;
  }

  @Produces
  HistoryService history() {
    return history;
  }

  @Produces
  DashboardSettings dashboardSettings() {
    return dashboardSettings;
  }

  @Produces
  DashboardService dashboard() {
    return dashboard;
  }

  @Produces
  ScrapeToken scrapeToken() {
    return scrapeToken;
  }

  @Produces
  PrometheusExport prometheus() {
    return prometheus;
  }

  @Produces
  NodeSync nodeSync() {
    return nodeSync;
  }

  @Produces
  RuleService blocklistRules() {
    return blocklist.rules();
  }

  @Produces
  SourceService blocklistSources() {
    return blocklist.sources();
  }

  @Produces
  BlocklistSettings blocklistSettings() {
    return blocklist.settings();
  }

  @Produces
  NodeBlocklist nodeBlocklist() {
    return blocklist.node();
  }

  @Produces
  Templates templates() {
    return templates;
  }
}
