package dev.fleetpanel.panel.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.dashboard.DashboardQuery;
import dev.fleetpanel.panel.dashboard.DashboardService;
import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.dashboard.Fleet;
import dev.fleetpanel.panel.dashboard.ServerCard;
import dev.fleetpanel.panel.metrics.CollectorSettings;
import dev.fleetpanel.panel.metrics.FleetState;
import dev.fleetpanel.panel.metrics.MetricColumn;
import dev.fleetpanel.panel.metrics.NodeFacts;
import dev.fleetpanel.panel.metrics.Samples;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.Folder;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import dev.fleetpanel.panel.server.ServerService;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.TestDatabase;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard built from servers in the database (H2, the schema as Flyway makes it) and the
 * collector's state, as the page shows it.
 */
class DashboardServiceIT {
  private static final Actor ACTOR = new Actor("admin", "192.0.2.7");
  @TempDir Path data;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private TestDatabase db;
  private Database database;
  private ServerService servers;
  private FleetState fleet;
  private DashboardSettings settings;
  private DashboardService dashboard;
  private AuditService audit;

  @BeforeEach
  void open() {
    db = TestDatabase.h2();
    database = Database.open(db.config(data, Map.of()));
    Tx tx = new Tx(database.entityManagerFactory());
    audit = new AuditService(tx, clock);
    servers =
        new ServerService(
            tx, audit, Validation.buildDefaultValidatorFactory().getValidator(), clock);
    fleet = new FleetState(clock, () -> CollectorSettings.offlineAfter(Duration.ofSeconds(10), 3));
    settings = new DashboardSettings(tx, audit);
    dashboard = new DashboardService(servers, fleet, settings, clock);
  }

  @AfterEach
  void close() {
    database.close();
    db.close();
  }

  private Server server(String name, Folder folder) {
    return servers.create(
        new ServerForm(name, "203.0.113.10", 9100, folder == null ? null : folder.id(), ""), ACTOR);
  }

  private void sample(Server s, double cpu, double ramPercent, double diskPercent, double down) {
    sample(s, cpu, ramPercent, diskPercent, down, NodeFacts.NONE);
  }

  private void sample(
      Server s, double cpu, double ramPercent, double diskPercent, double down, NodeFacts facts) {
    Samples.record(
        fleet,
        s.id(),
        clock.instant(),
        Map.of(
            MetricColumn.CPU,
            cpu,
            MetricColumn.MEM_USED,
            ramPercent * 1e7,
            MetricColumn.MEM_TOTAL,
            1e9,
            MetricColumn.DISK_USED,
            diskPercent * 1e9,
            MetricColumn.DISK_TOTAL,
            1e11,
            MetricColumn.NET_RX,
            down,
            MetricColumn.NET_TX,
            down / 10,
            MetricColumn.LOAD1,
            0.5,
            MetricColumn.TCP_ESTABLISHED,
            17.0),
        facts);
  }

  private static List<String> names(Fleet.Group group) {
    return group.cards().stream().map(c -> c.server().name()).toList();
  }

  @Test
  void cardsAreGroupedByFolderInOrderWithEmptyFoldersAndNoFolderLast() {
    Folder prod = servers.createFolder("prod", ACTOR);
    servers.createFolder("empty", ACTOR);
    server("web-1", prod);
    server("loose", null);
    server("web-2", prod);

    Fleet f = dashboard.fleet(DashboardQuery.DEFAULT);

    assertThat(f.groups())
        .extracting(Fleet.Group::folderName)
        .containsExactly("prod", "empty", null);
    assertThat(names(f.groups().get(0))).containsExactly("web-1", "web-2");
    assertThat(f.groups().get(1).cards()).isEmpty();
    assertThat(names(f.groups().get(2))).containsExactly("loose");
    assertThat(f.summary().unknown()).as("not polled yet").isEqualTo(3);
  }

  @Test
  void onlineCardsCarryTheirFiguresAndOfflineOnesNeedAttentionWithoutStaleFigures() {
    Server up = server("up", null);
    Server down = server("down", null);
    Server off = server("off", null);
    servers.setActive(off.id(), false, ACTOR);
    sample(down, 50, 50, 50, 1000);
    clock.advance(Duration.ofSeconds(61));
    Samples.fail(fleet, down.id(), "refused", "connection refused");
    sample(up, 12.5, 45, 20, 1_572_864, new NodeFacts(3600, 4, null, null));
    clock.advance(Duration.ofSeconds(5));

    Fleet f = dashboard.fleet(DashboardQuery.DEFAULT);
    ServerCard upCard = f.groups().get(0).cards().get(0);
    ServerCard downCard = f.groups().get(0).cards().get(1);
    ServerCard offCard = f.groups().get(0).cards().get(2);

    assertThat(upCard.state()).isEqualTo(ServerCard.State.ONLINE);
    assertThat(upCard.figures().cpu()).isEqualTo(12.5);
    assertThat(upCard.figures().uptimeSeconds()).as("uptime at the sample + since").isEqualTo(3605);
    assertThat(upCard.needsAttention()).isFalse();
    assertThat(downCard.state()).isEqualTo(ServerCard.State.OFFLINE);
    assertThat(Double.isNaN(downCard.figures().cpu())).isTrue();
    assertThat(downCard.attention()).containsExactly(ServerCard.Attention.OFFLINE);
    assertThat(offCard.state()).isEqualTo(ServerCard.State.DISABLED);
    assertThat(offCard.needsAttention()).isFalse();
    assertThat(f.summary().online()).isEqualTo(1);
    assertThat(f.summary().offline()).isEqualTo(1);
    assertThat(f.summary().disabled()).isEqualTo(1);
    assertThat(f.summary().down()).as("only servers online now").isEqualTo(1_572_864);
    assertThat(f.summary().attention()).extracting(c -> c.server().name()).containsExactly("down");

    CardRow row = CardRow.of(upCard, f.at());
    assertThat(row.cpu()).isEqualTo("12.5 %");
    assertThat(row.down()).isEqualTo("1.5 MiB/s");
    assertThat(row.uptime()).isEqualTo("1h 0m");
    assertThat(CardRow.of(downCard, f.at()).lastError()).isEqualTo("connection refused");
  }

  @Test
  void highUseAndExpiringCertificatesNeedAttentionAtTheThresholds() {
    Server cpu = server("cpu", null);
    Server ram = server("ram", null);
    Server disk = server("disk", null);
    Server ssl = server("ssl", null);
    Server expired = server("expired", null);
    Server fine = server("fine", null);
    Instant now = clock.instant();
    sample(cpu, 90, 10, 10, 0);
    sample(ram, 10, 90, 10, 0);
    sample(disk, 10, 10, 90, 0);
    sample(ssl, 10, 10, 10, 0, new NodeFacts(1, 1, "a.example", now.plus(Duration.ofDays(6))));
    sample(expired, 10, 10, 10, 0, new NodeFacts(1, 1, "b.example", now.minusSeconds(1)));
    sample(
        fine, 89.9, 89.9, 89.9, 0, new NodeFacts(1, 1, "c.example", now.plus(Duration.ofDays(8))));

    Map<String, List<ServerCard.Attention>> why =
        dashboard.fleet(DashboardQuery.DEFAULT).groups().get(0).cards().stream()
            .collect(
                java.util.stream.Collectors.toMap(c -> c.server().name(), ServerCard::attention));

    assertThat(why.get("cpu")).containsExactly(ServerCard.Attention.CPU);
    assertThat(why.get("ram")).containsExactly(ServerCard.Attention.RAM);
    assertThat(why.get("disk")).containsExactly(ServerCard.Attention.DISK);
    assertThat(why.get("ssl")).containsExactly(ServerCard.Attention.SSL_EXPIRING);
    assertThat(why.get("expired")).containsExactly(ServerCard.Attention.SSL_EXPIRED);
    assertThat(why.get("fine")).isEmpty();

    settings.update(new DashboardSettings.Thresholds(80, 95, 95, 10), ACTOR);
    Map<String, List<ServerCard.Attention>> after =
        dashboard.fleet(DashboardQuery.DEFAULT).groups().get(0).cards().stream()
            .collect(
                java.util.stream.Collectors.toMap(c -> c.server().name(), ServerCard::attention));
    assertThat(after.get("fine"))
        .containsExactly(ServerCard.Attention.CPU, ServerCard.Attention.SSL_EXPIRING);
    assertThat(after.get("ram")).isEmpty();
    assertThat(audit.recent(null, 1).get(0).action()).isEqualTo("dashboard.thresholds");
    assertThatThrownBy(
            () -> settings.update(new DashboardSettings.Thresholds(0, 95, 95, 10), ACTOR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settings.thresholds().cpuPercent()).isEqualTo(80);
  }

  @Test
  void sortsApplyWithinEachFolderAndServersWithoutTheFigureGoLast() {
    Folder edge = servers.createFolder("edge", ACTOR);
    Server a = server("a-low", edge);
    Server b = server("B-high", edge);
    Server c = server("c-none", edge);
    Server d = server("d-mid", edge);
    sample(a, 5, 10, 10, 100);
    sample(b, 95, 60, 10, 10);
    sample(d, 50, 70, 10, 1000);

    assertThat(names(dashboard.fleet(DashboardQuery.of(null, "cpu", null)).groups().get(0)))
        .containsExactly("B-high", "d-mid", "a-low", "c-none");
    assertThat(names(dashboard.fleet(DashboardQuery.of(null, "ram", null)).groups().get(0)))
        .containsExactly("d-mid", "B-high", "a-low", "c-none");
    assertThat(names(dashboard.fleet(DashboardQuery.of(null, "traffic", null)).groups().get(0)))
        .containsExactly("d-mid", "a-low", "B-high", "c-none");
    assertThat(names(dashboard.fleet(DashboardQuery.of(null, "name", null)).groups().get(0)))
        .containsExactly("a-low", "B-high", "c-none", "d-mid");
    assertThat(names(dashboard.fleet(DashboardQuery.of(null, "status", null)).groups().get(0)))
        .as("not polled yet before online; ties keep the saved order")
        .containsExactly("c-none", "a-low", "B-high", "d-mid");
    assertThat(names(dashboard.fleet(DashboardQuery.DEFAULT).groups().get(0)))
        .containsExactly("a-low", "B-high", "c-none", "d-mid");
  }

  @Test
  void aSearchMatchesNamesAddressesAndFoldersAndTheSummaryStillCountsEveryone() {
    Folder berlin = servers.createFolder("Berlin", ACTOR);
    servers.createFolder("Paris", ACTOR);
    server("web-1", berlin);
    server("db-1", null);
    servers.create(new ServerForm("mail", "mx.example.org", 9100, null, ""), ACTOR);

    Fleet byFolder = dashboard.fleet(DashboardQuery.of("berl", null, null));
    Fleet byAddress = dashboard.fleet(DashboardQuery.of("MX.EXAMPLE", null, null));
    Fleet none = dashboard.fleet(DashboardQuery.of("nothing-like-it", null, null));

    assertThat(byFolder.groups()).hasSize(1);
    assertThat(names(byFolder.groups().get(0))).containsExactly("web-1");
    assertThat(names(byAddress.groups().get(0))).containsExactly("mail");
    assertThat(none.groups()).isEmpty();
    assertThat(none.summary().total()).isEqualTo(3);
  }

  @Test
  void aRealFleetRendersWithHostileNamesEscaped() {
    Folder folder = servers.createFolder("<i>f</i>", ACTOR);
    Server s = server("<img src=x onerror=alert(1)>", folder);
    sample(s, 10, 10, 10, 10);

    DashboardPage page = new DashboardPage(dashboard.fleet(DashboardQuery.DEFAULT));
    View view =
        page.withGroups(
            page.fill(
                View.page(DashboardPage.TEMPLATE, "dash-body"),
                "e.1",
                settings.thresholds(),
                10,
                java.util.Locale.ENGLISH));
    Document doc =
        TemplateTestSupport.parse(
            TemplateTestSupport.renderPage(view, TemplateTestSupport.admin()));

    assertThat(doc.select("img, i")).isEmpty();
    assertThat(doc.getElementById("card-" + s.id()).selectFirst("a.name").text())
        .isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(doc.select(".folder-title").first().text()).isEqualTo("<i>f</i>");
  }
}
