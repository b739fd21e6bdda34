package dev.fleetpanel.panel.testing;

import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.node.EnrolmentService;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.node.NodeTrust;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.validation.Validation;
import java.time.Clock;

/**
 * The services every feature builds on, made on a database as the panel's wiring makes them: for
 * tests and benchmarks that drive services without the war.
 */
public record PanelCore(
    Tx tx,
    Clock clock,
    AuditService audit,
    ServerService servers,
    EnrolmentService enrolment,
    NodeClient client) {

  public static PanelCore open(Database database, Clock clock) {
    Tx tx = new Tx(database.entityManagerFactory());
    AuditService audit = new AuditService(tx, clock);
    ServerService servers =
        new ServerService(
            tx, audit, Validation.buildDefaultValidatorFactory().getValidator(), clock);
    NodeTrust trust = NodeTrust.load(tx, clock);
    EnrolmentService enrolment = new EnrolmentService(tx, trust, servers, audit, clock);
    return new PanelCore(
        tx, clock, audit, servers, enrolment, new NodeClient(trust, enrolment::isRevoked));
  }
}
