package dev.fleetpanel.panel.nodesync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.blocklist.BlocklistModule;
import dev.fleetpanel.panel.blocklist.RuleService;
import dev.fleetpanel.panel.blocklist.SourceFetcher;
import dev.fleetpanel.panel.blocklist.SourceService;
import dev.fleetpanel.panel.node.EnrolmentService;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import dev.fleetpanel.panel.server.ServerService;
import dev.fleetpanel.panel.testing.EnrolledNode;
import dev.fleetpanel.panel.testing.FakeAgent;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.PanelCore;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change path with its first user, the blocklist: rules stored, then pushed to fake agents over
 * mutual TLS (real TLS, real JSON, the agent's versions and 409), with a node down during a change
 * and back, deltas, drift found and repaired, and a node that refuses its own address. On H2.
 */
class NodeSyncIT {
  private static final Actor ADMIN = new Actor("admin", "192.0.2.1");
  @TempDir Path data;

  private TestDatabase db;
  private Database database;
  private ServerService servers;
  private EnrolmentService enrolment;
  private RuleService rules;
  private NodeSync sync;
  private PanelCore core;
  private SyncTarget blocklistTarget;
  private final List<FakeAgent> agents = new ArrayList<>();

  @BeforeEach
  void open() {
    db = TestDatabase.h2();
    database = Database.open(db.config(data, Map.of()));
    core = PanelCore.open(database, Clock.systemUTC());
    servers = core.servers();
    enrolment = core.enrolment();
    // The tests plan when they want to: a change only makes the lists be computed again.
    BlocklistModule blocklist =
        BlocklistModule.create(
            core.tx(),
            core.audit(),
            servers,
            core.client(),
            new SourceFetcher(),
            data,
            core.clock(),
            () -> {});
    blocklistTarget = blocklist.target();
    sync =
        new NodeSync(
            new SyncStore(core.tx()),
            servers,
            Map.of("blocklist", blocklistTarget),
            core.clock(),
            Duration.ofMinutes(10));
    rules = blocklist.rules();
    SourceService sources = blocklist.sources();
    // The two default lists cannot be downloaded here: disabled, as a user without internet would.
    sources.sources().forEach(s -> sources.setEnabled(s.id(), false, ADMIN));
  }

  @AfterEach
  void close() {
    sync.close();
    agents.forEach(FakeAgent::close);
    database.close();
    db.close();
  }

  private FakeAgent node(String name) throws Exception {
    Server server = servers.create(new ServerForm(name, "127.0.0.1", 1, null, ""), ADMIN);
    FakeAgent agent =
        new FakeAgent(EnrolledNode.enrol(enrolment, server.id(), ADMIN).agentContext());
    agents.add(agent);
    servers.update(server.id(), new ServerForm(name, "127.0.0.1", agent.port(), null, ""), ADMIN);
    return agent;
  }

  private void syncNow() throws Exception {
    sync.plan();
    assertThat(sync.awaitIdle(Duration.ofSeconds(30))).isTrue();
  }

  private SyncRecord record(String server, String item) {
    long id =
        servers.list().stream().filter(s -> s.name().equals(server)).findFirst().orElseThrow().id();
    return sync.records().stream()
        .filter(r -> r.serverId() == id && r.item().equals(item))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyNodeGetsTheRulesAndANodeDownDuringAChangeGetsItWhenItIsBack() throws Exception {
    FakeAgent a = node("a");
    FakeAgent b = node("b");
    rules.add(null, "11.0.0.1", Direction.IN, null, "scanner", ADMIN);
    syncNow();
    assertThat(a.list("in")).containsExactly("11.0.0.1");
    assertThat(b.list("in")).containsExactly("11.0.0.1");
    assertThat(record("b", "blocklist/in").state()).isEqualTo(SyncState.APPLIED);

    b.down();
    rules.add(null, "11.0.0.2\n11.0.0.3", Direction.IN, null, "", ADMIN);
    syncNow();

    assertThat(a.list("in")).containsExactly("11.0.0.1", "11.0.0.2/31");
    SyncRecord pending = record("b", "blocklist/in");
    assertThat(pending.state()).isEqualTo(SyncState.PENDING);
    assertThat(pending.lastError()).contains("refused");
    assertThat(pending.nextAttemptAt())
        .isAfter(OffsetDateTime.now().plusSeconds(50))
        .isBefore(OffsetDateTime.now().plusSeconds(70));
    assertThat(b.list("in")).containsExactly("11.0.0.1");

    b.up();
    sync.nodeSeen(record("b", "blocklist/in").serverId());
    syncNow();

    SyncRecord back = record("b", "blocklist/in");
    assertThat(back.state())
        .as("%s %s %s", back.lastError(), back.nextAttemptAt(), b.syncs)
        .isEqualTo(SyncState.APPLIED);
    assertThat(b.list("in")).containsExactly("11.0.0.1", "11.0.0.2/31");
  }

  /**
   * The sync on its own ticker, as the panel runs it: a change is pushed after the debounce without
   * a plan being asked for, and a node that was down gets it when its retry falls due.
   */
  @Test
  void onItsOwnTheSyncPushesAChangeAndRetriesANodeThatWasDownWhenItsTimeComes() throws Exception {
    FakeAgent a = node("a");
    FakeAgent b = node("b");
    b.down();
    MutableClock clock = new MutableClock(Instant.now());
    AtomicReference<NodeSync> ticking = new AtomicReference<>();
    BlocklistModule module =
        BlocklistModule.create(
            core.tx(),
            core.audit(),
            servers,
            core.client(),
            new SourceFetcher(),
            data,
            clock,
            () -> ticking.get().changed());
    try (NodeSync own =
        new NodeSync(
            new SyncStore(core.tx()),
            servers,
            Map.of("blocklist", module.target()),
            clock,
            Duration.ofDays(1))) {
      ticking.set(own);
      own.start();
      clock.advance(Duration.ofSeconds(1));
      module.rules().add(null, "23.0.0.1", Direction.IN, null, "", ADMIN);
      clock.advance(Duration.ofSeconds(1)); // past the debounce

      eventually(() -> a.list("in").contains("23.0.0.1"));
      eventually(() -> record("b", "blocklist/in").lastError() != null);
      assertThat(record("b", "blocklist/in").state()).isEqualTo(SyncState.PENDING);
      b.up();
      Thread.sleep(500);
      assertThat(b.list("in")).as("not before its retry is due").isEmpty();

      clock.advance(NodeSync.FIRST_RETRY.plusSeconds(1));
      eventually(() -> b.list("in").contains("23.0.0.1"));
      eventually(() -> record("b", "blocklist/in").state() == SyncState.APPLIED);
    }
  }

  private static void eventually(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(end);
      Thread.sleep(20);
    }
  }

  @Test
  void aFailedRetryBacksOffDoublingUpToHalfAnHour() {
    OffsetDateTime now = OffsetDateTime.now();
    assertThat(sync.retryAfter(1, now)).isEqualTo(now.plusSeconds(60));
    assertThat(sync.retryAfter(2, now)).isEqualTo(now.plusSeconds(120));
    assertThat(sync.retryAfter(5, now)).isEqualTo(now.plusSeconds(960));
    assertThat(sync.retryAfter(6, now)).isEqualTo(now.plusSeconds(1800));
    assertThat(sync.retryAfter(60, now)).isEqualTo(now.plusSeconds(1800));
    assertThat(NodeSync.deadline(0)).isEqualTo(Duration.ofSeconds(20));
    assertThat(NodeSync.deadline(1_000_000)).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void overlappingAndAdjacentNetworksAreMergedAndSmallChangesGoAsDeltas() throws Exception {
    FakeAgent a = node("a");
    rules.add(
        null,
        "12.1.2.0/25\n12.1.2.128/25\n12.1.2.7\n# a comment\n12.9.0.0 - 12.9.0.255",
        Direction.IN,
        null,
        "",
        ADMIN);
    syncNow();
    assertThat(a.list("in")).containsExactly("12.1.2.0/24", "12.9.0.0/24");
    assertThat(a.syncs).filteredOn(s -> s.startsWith("in ")).containsExactly("in full");

    rules.add(null, "13.0.0.1", Direction.IN, null, "", ADMIN);
    syncNow();
    assertThat(a.syncs).filteredOn(s -> s.startsWith("in ")).containsExactly("in full", "in delta");
    assertThat(a.list("in")).containsExactly("12.1.2.0/24", "12.9.0.0/24", "13.0.0.1");

    a.tamper("in", "14.0.0.1");
    rules.add(null, "13.0.0.2", Direction.IN, null, "", ADMIN);
    syncNow();
    assertThat(a.syncs)
        .as("the node's version moved: 409, then the whole list")
        .filteredOn(s -> s.startsWith("in "))
        .containsExactly("in full", "in delta", "in 409", "in full");
    assertThat(a.list("in")).containsExactly("12.1.2.0/24", "12.9.0.0/24", "13.0.0.1", "13.0.0.2");
  }

  @Test
  void driftIsFoundAndRepaired() throws Exception {
    FakeAgent a = node("a");
    rules.add(null, "15.0.0.0/16", Direction.OUT, null, "", ADMIN);
    syncNow();
    a.tamper("out", "16.0.0.1");

    sync.checkDrift();
    assertThat(sync.awaitIdle(Duration.ofSeconds(30))).isTrue();
    SyncRecord drifted = record("a", "blocklist/out");
    assertThat(drifted.state()).isEqualTo(SyncState.DRIFTED);
    assertThat(drifted.lastError()).startsWith("the node holds version");

    a.syncs.clear();
    syncNow();
    assertThat(record("a", "blocklist/out").state()).isEqualTo(SyncState.APPLIED);
    assertThat(a.list("out")).containsExactly("15.0.0.0/16");
    assertThat(a.syncs)
        .as("repaired whole, without a change the node must refuse")
        .containsExactly("out full");
  }

  /** As when a list's stored copy cannot be read back: that item waits, nothing else does. */
  @Test
  void anItemWhoseWantCannotBeKnownIsHeldAloneWithItsRecordAndTheRestIsApplied() throws Exception {
    FakeAgent a = node("a");
    rules.add(null, "21.0.0.1", Direction.IN, null, "", ADMIN);
    syncNow();
    assertThat(record("a", "blocklist/in").state()).isEqualTo(SyncState.APPLIED);
    rules.add(null, "21.0.0.2", Direction.OUT, null, "", ADMIN);
    SyncTarget broken =
        new SyncTarget() {
          @Override
          public List<String> items(Server server) {
            return blocklistTarget.items(server);
          }

          @Override
          public Desired desired(Server server, String item) {
            if (item.equals("blocklist/in")) {
              throw new IllegalStateException("the stored copy cannot be read");
            }
            return blocklistTarget.desired(server, item);
          }

          @Override
          public Outcome push(
              Server server, String item, Desired desired, Previous previous, Duration deadline) {
            return blocklistTarget.push(server, item, desired, previous, deadline);
          }

          @Override
          public Map<String, String> nodeVersions(Server server) throws NodeUnavailableException {
            return blocklistTarget.nodeVersions(server);
          }
        };

    try (NodeSync held =
        new NodeSync(
            new SyncStore(core.tx()),
            servers,
            Map.of("blocklist", broken),
            core.clock(),
            Duration.ofMinutes(10))) {
      held.plan();
      assertThat(held.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    assertThat(a.list("out")).containsExactly("21.0.0.2");
    assertThat(record("a", "blocklist/out").state()).isEqualTo(SyncState.APPLIED);
    assertThat(record("a", "blocklist/in").state())
        .as("kept, as applied before")
        .isEqualTo(SyncState.APPLIED);
    assertThat(a.list("in")).containsExactly("21.0.0.1");
  }

  @Test
  void aNodeRefusingItsOwnAddressIsAppliedAndNotTakenForDrift() throws Exception {
    FakeAgent a = node("a");
    a.refuses.add("17.0.0.1");
    rules.add(null, "17.0.0.1\n18.0.0.1", Direction.IN, null, "", ADMIN);
    syncNow();
    SyncRecord applied = record("a", "blocklist/in");
    assertThat(applied.state()).isEqualTo(SyncState.APPLIED);
    assertThat(applied.detail()).contains("1 refused by the node").contains("17.0.0.1");
    assertThat(a.list("in")).containsExactly("18.0.0.1");

    Thread.sleep(5);
    sync.checkDrift();
    assertThat(sync.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(record("a", "blocklist/in").state()).isEqualTo(SyncState.APPLIED);
    // The check asked the node: the record says when, after the push.
    assertThat(record("a", "blocklist/in").checkedAt()).isAfter(applied.checkedAt());
  }

  @Test
  void temporaryRulesGoWithTheTimeTheyHaveLeftAndLeaveWhenRemoved() throws Exception {
    FakeAgent a = node("a");
    RuleService.Added added =
        rules.add(null, "19.0.0.1", Direction.IN, Duration.ofMinutes(10), "", ADMIN);
    syncNow();
    assertThat(a.list("in/temp")).containsExactly("19.0.0.1");
    assertThat(a.list("in")).isEmpty();
    assertThat(a.temporaryAdds)
        .singleElement()
        .satisfies(t -> assertThat(t.timeout()).isBetween(540L, 600L));

    // The same address for longer: a rule of its own, and the node's timer is re-armed to it.
    RuleService.Added longer =
        rules.add(null, "19.0.0.1", Direction.IN, Duration.ofDays(1), "", ADMIN);
    RuleService.Added shorter =
        rules.add(null, "19.0.0.1", Direction.IN, Duration.ofMinutes(5), "", ADMIN);
    assertThat(longer.rules()).hasSize(1);
    assertThat(shorter.duplicates()).as("a day already covers five minutes").isEqualTo(1);
    a.temporaryAdds.clear();
    syncNow();
    assertThat(a.temporaryAdds)
        .singleElement()
        .satisfies(t -> assertThat(t.timeout()).isBetween(86_340L, 86_400L));

    rules.delete(added.rules().get(0).id(), null, ADMIN);
    rules.delete(longer.rules().get(0).id(), null, ADMIN);
    syncNow();
    assertThat(a.list("in/temp")).isEmpty();
    assertThat(record("a", "blocklist/in/temp").state()).isEqualTo(SyncState.APPLIED);
  }

  @Test
  void aServersOwnRulesGoOnlyToItsNodeAndADisabledServerIsLeftAlone() throws Exception {
    FakeAgent a = node("a");
    FakeAgent b = node("b");
    long bId =
        servers.list().stream().filter(s -> s.name().equals("b")).findFirst().orElseThrow().id();
    rules.add(bId, "20.0.0.1", Direction.IN, null, "", ADMIN);
    syncNow();
    assertThat(a.list("in")).isEmpty();
    assertThat(b.list("in")).containsExactly("20.0.0.1");

    servers.setActive(bId, false, ADMIN);
    rules.add(null, "21.0.0.1", Direction.IN, null, "", ADMIN);
    syncNow();
    assertThat(a.list("in")).containsExactly("21.0.0.1");
    assertThat(b.list("in")).containsExactly("20.0.0.1");
    assertThat(sync.records()).noneMatch(r -> r.serverId() == bId);
  }
}
