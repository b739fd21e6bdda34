package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.node.EnrolmentService;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.node.NodeTrust;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import dev.fleetpanel.panel.server.ServerService;
import dev.fleetpanel.panel.testing.EnrolledNode;
import dev.fleetpanel.panel.testing.FakeNode;
import jakarta.validation.Validation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The collector wired as the panel wires it (poll interval 6 s), on a given database, with fake
 * nodes enrolled the way real ones are.
 */
final class CollectorFixture implements AutoCloseable {
  static final Actor ADMIN = new Actor("admin", "192.0.2.1");

  final Database database;
  final ServerService servers;
  final EnrolmentService enrolment;
  final FleetState state;
  final SampleWriter writer;
  final Poller poller;
  final List<FakeNode> nodes = new ArrayList<>();
  private final String golden;

  CollectorFixture(PanelConfig config) throws Exception {
    golden = NodeDocumentParserTest.golden();
    database = Database.open(config);
    Tx tx = new Tx(database.entityManagerFactory());
    Clock clock = Clock.systemUTC();
    AuditService audit = new AuditService(tx, clock);
    servers =
        new ServerService(
            tx, audit, Validation.buildDefaultValidatorFactory().getValidator(), clock);
    NodeTrust trust = NodeTrust.load(tx, clock);
    enrolment = new EnrolmentService(tx, trust, servers, audit, clock);
    CollectorSettings settings = new CollectorSettings(tx, audit);
    settings.setIntervalSeconds(6, ADMIN);
    state = new FleetState(clock, settings::offlineAfter);
    Partitions partitions = new Partitions(database.dataSource(), database.dialect());
    writer = new SampleWriter(database.dataSource(), partitions);
    poller =
        new Poller(
            servers,
            new NodeClient(trust, enrolment::isRevoked),
            state,
            writer,
            new Rollups(database.dataSource(), partitions, clock),
            new CollectorRuns(database.dataSource()),
            settings,
            clock);
  }

  /** A server enrolled the way a real node enrols, served by a fake node with its certificate. */
  long node(String name, FakeNode.Behaviour behaviour) throws Exception {
    Server server = servers.create(new ServerForm(name, "127.0.0.1", 1, null, ""), ADMIN);
    FakeNode node =
        new FakeNode(EnrolledNode.enrol(enrolment, server.id(), ADMIN).agentContext(), golden);
    node.behaviour = behaviour;
    nodes.add(node);
    servers.update(server.id(), new ServerForm(name, "127.0.0.1", node.port(), null, ""), ADMIN);
    poller.refreshServers();
    return server.id();
  }

  CycleStats cycle() throws Exception {
    return poller.cycle(Instant.now()).get(30, TimeUnit.SECONDS);
  }

  /** The server's rows in {@code metrics_raw}, after writing what is queued. */
  long rows(long serverId) throws Exception {
    writer.flush();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT COUNT(*) FROM metrics_raw WHERE server_id = " + serverId)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void close() {
    nodes.forEach(FakeNode::close);
    poller.close();
    database.close();
  }
}
