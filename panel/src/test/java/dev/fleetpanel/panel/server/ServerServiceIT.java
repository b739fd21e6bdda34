package dev.fleetpanel.panel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditEntry;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.errors.NotFoundException;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.TestDatabase;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers and folders on the Flyway schema, on PostgreSQL and on H2 (the dev database). */
@ParameterizedClass
@EnumSource(TestDatabase.Engine.class)
class ServerServiceIT {
  @Parameter TestDatabase.Engine engine;
  @TempDir Path data;

  private final Actor actor = new Actor("admin", "192.0.2.7");
  private TestDatabase db;
  private Database database;
  private ServerService servers;
  private AuditService audit;

  @BeforeEach
  void open() {
    db = TestDatabase.create(engine);
    database = Database.open(db.config(data, Map.of()));
    Tx tx = new Tx(database.entityManagerFactory());
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    audit = new AuditService(tx, clock);
    servers =
        new ServerService(
            tx, audit, Validation.buildDefaultValidatorFactory().getValidator(), clock);
  }

  @AfterEach
  void close() {
    database.close();
    db.close();
  }

  private static ServerForm form(String name, Long folder) {
    return new ServerForm(name, "203.0.113.10", 9100, folder, "");
  }

  @Test
  void createdServerIsListedAndAudited() {
    Server s =
        servers.create(new ServerForm("edge-1", "edge1.example.com", 9443, null, " note "), actor);

    assertThat(servers.list()).extracting(Server::name).containsExactly("edge-1");
    Server stored = servers.get(s.id());
    assertThat(stored.address()).isEqualTo("edge1.example.com");
    assertThat(stored.agentPort()).isEqualTo(9443);
    assertThat(stored.notes()).isEqualTo("note");
    assertThat(stored.active()).isTrue();
    AuditEntry entry = audit.recent(null, 10).get(0);
    assertThat(entry.action()).isEqualTo("server.create");
    assertThat(entry.target()).isEqualTo("edge-1");
    assertThat(entry.actor()).isEqualTo("admin");
    assertThat(entry.ip()).isEqualTo("192.0.2.7");
  }

  @Test
  void duplicateNameIsRefusedWhateverItsCaseAndNothingIsStored() {
    servers.create(form("Edge-1", null), actor);

    assertThatThrownBy(() -> servers.create(form("edge-1", null), actor))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).containsEntry("name", "server.name.duplicate"));
    assertThat(servers.list()).hasSize(1);
    assertThat(audit.recent(null, 10)).hasSize(1);
  }

  @Test
  void invalidFormReportsEveryBadField() {
    assertThatThrownBy(
            () -> servers.create(new ServerForm(" ", "bad host", 70000, 999L, ""), actor))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("name", "server.name.required")
                    .containsEntry("address", "server.address.invalid")
                    .containsEntry("agent_port", "server.port.invalid")
                    .containsEntry("folder_id", "server.folder.unknown"));
    assertThat(servers.list()).isEmpty();
  }

  @Test
  void renamingToItsOwnNameIsAllowed() {
    Server s = servers.create(form("edge-1", null), actor);
    Server updated =
        servers.update(s.id(), new ServerForm("EDGE-1", "198.51.100.1", 9100, null, "x"), actor);
    assertThat(updated.name()).isEqualTo("EDGE-1");
    assertThat(servers.get(s.id()).address()).isEqualTo("198.51.100.1");
  }

  @Test
  void disabledServerStaysListed() {
    Server s = servers.create(form("edge-1", null), actor);
    servers.setActive(s.id(), false, actor);
    assertThat(servers.list()).singleElement().satisfies(x -> assertThat(x.active()).isFalse());
    assertThat(audit.recent(null, 1).get(0).action()).isEqualTo("server.disable");
  }

  @Test
  void deleteRemovesAndUnknownIdIsNotFound() {
    Server s = servers.create(form("edge-1", null), actor);
    servers.delete(s.id(), actor);
    assertThat(servers.list()).isEmpty();
    assertThatThrownBy(() -> servers.delete(s.id(), actor)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void serversAreOrderedWithinTheirFolderAndFoldersAmongThemselves() {
    Folder eu = servers.createFolder("EU", actor);
    Folder us = servers.createFolder("US", actor);
    Server a = servers.create(form("a", eu.id()), actor);
    Server b = servers.create(form("b", eu.id()), actor);
    servers.create(form("c", us.id()), actor);
    servers.create(form("loose", null), actor);

    servers.move(b.id(), -1, actor);
    servers.moveFolder(us.id(), -1, actor);
    servers.move(a.id(), +1, actor); // already last: nothing changes

    List<ServerService.Group> groups = servers.overview();
    assertThat(groups)
        .extracting(g -> g.folder() == null ? null : g.folder().name())
        .containsExactly("US", "EU", null);
    assertThat(groups.get(1).servers()).extracting(Server::name).containsExactly("b", "a");
    assertThat(groups.get(2).servers()).extracting(Server::name).containsExactly("loose");
  }

  @Test
  void deletingAFolderKeepsItsServersWithoutAFolder() {
    Folder eu = servers.createFolder("EU", actor);
    servers.create(form("a", eu.id()), actor);
    servers.deleteFolder(eu.id(), actor);
    assertThat(servers.folders()).isEmpty();
    assertThat(servers.list()).singleElement().satisfies(s -> assertThat(s.folder()).isNull());
  }

  @Test
  void duplicateFolderNameIsRefused() {
    servers.createFolder("EU", actor);
    assertThatThrownBy(() -> servers.createFolder(" eu ", actor))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).containsEntry("folder_name", "folder.name.duplicate"));
  }

  @Test
  void aDropPutsServersIntoAFolderInItsOrderAndClosesTheGapItLeft() {
    Folder a = servers.createFolder("a", actor);
    Folder b = servers.createFolder("b", actor);
    Server a1 = servers.create(form("a1", a.id()), actor);
    Server a2 = servers.create(form("a2", a.id()), actor);
    Server a3 = servers.create(form("a3", a.id()), actor);
    Server b1 = servers.create(form("b1", b.id()), actor);

    servers.place(b.id(), List.of(a2.id(), b1.id()), actor);
    servers.place(null, List.of(a3.id()), actor);

    List<ServerService.Group> groups = servers.overview();
    assertThat(groups.get(0).servers()).extracting(Server::name).containsExactly("a1");
    assertThat(groups.get(0).servers()).extracting(Server::position).containsExactly(0);
    assertThat(groups.get(1).servers()).extracting(Server::name).containsExactly("a2", "b1");
    assertThat(groups.get(1).servers()).extracting(Server::position).containsExactly(0, 1);
    assertThat(groups.get(2).servers()).extracting(Server::name).containsExactly("a3");
    assertThat(audit.recent(null, 10))
        .extracting(AuditEntry::action)
        .contains("server.move", "servers.order");
    assertThat(audit.recent(null, 10).stream().filter(e -> e.action().equals("server.move")))
        .extracting(AuditEntry::details)
        .contains("a -> b", "a -> (no folder)");
  }

  @Test
  void aDropNamingAnUnknownServerOrFolderOrTheSameServerTwiceChangesNothing() {
    Folder a = servers.createFolder("a", actor);
    Server a1 = servers.create(form("a1", a.id()), actor);
    Server a2 = servers.create(form("a2", a.id()), actor);

    assertThatThrownBy(() -> servers.place(a.id(), List.of(a2.id(), 9999L, a1.id()), actor))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> servers.place(a.id(), List.of(a2.id(), a2.id()), actor))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> servers.place(4242L, List.of(a1.id()), actor))
        .isInstanceOf(InvalidInputException.class);

    assertThat(servers.overview().get(0).servers())
        .extracting(Server::name)
        .containsExactly("a1", "a2");
  }
}
