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
import dev.fleetpanel.panel.testing.PanelCore;
import dev.fleetpanel.panel.testing.RealAgent;
import dev.fleetpanel.panel.testing.SystemTests;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel's blocklist on the real agent jar, whose ipset and iptables run in a network namespace
 * the test creates: rules reach the kernel's sets merged, temporary ones with a timeout; an agent
 * that is down during a change gets it when it is back (its permanent sets restored first); a set
 * edited by hand in the kernel is put back. Skipped without root, {@code ip netns} or ipset (fails
 * instead under {@code FLEETPANEL_REQUIRE_SYSTEM_TESTS=1}).
 */
class BlocklistOnRealNodeIT {
  private static final Actor ADMIN = new Actor("admin", "192.0.2.1");
  private static final String NS = "fpsync" + ProcessHandle.current().pid();

  @TempDir static Path data;

  static TestDatabase db;
  static Database database;
  static ServerService servers;
  static RuleService rules;
  static NodeSync sync;
  static RealAgent agent;
  static long serverId;

  @BeforeAll
  static void start() throws Exception {
    SystemTests.assume(canUseNamespaces(), "root with ip netns, ipset and iptables");
    run("ip", "netns", "add", NS);
    db = TestDatabase.h2();
    database = Database.open(db.config(data, Map.of()));
    PanelCore core = PanelCore.open(database, Clock.systemUTC());
    servers = core.servers();
    EnrolmentService enrolment = core.enrolment();
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
    SourceService sources = blocklist.sources();
    sources.sources().forEach(s -> sources.setEnabled(s.id(), false, ADMIN));
    sync =
        new NodeSync(
            new SyncStore(core.tx()),
            servers,
            Map.of("blocklist", blocklist.target()),
            core.clock(),
            Duration.ofMinutes(10));
    rules = blocklist.rules();
    int port = RealAgent.freePort();
    Server server = servers.create(new ServerForm("real", "127.0.0.1", port, null, ""), ADMIN);
    serverId = server.id();
    agent = RealAgent.enrol(enrolment, serverId, data.resolve("node"), port, ADMIN).blocklistIn(NS);
    agent.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sync != null) {
      sync.close();
    }
    if (agent != null) {
      agent.stop();
    }
    if (database != null) {
      database.close();
      db.close();
    }
    if (canUseNamespaces()) {
      run("ip", "netns", "del", NS);
    }
  }

  private static void syncNow() throws Exception {
    sync.plan();
    assertThat(sync.awaitIdle(Duration.ofSeconds(60))).isTrue();
  }

  private static SyncRecord record(String item) {
    return sync.records().stream()
        .filter(r -> r.serverId() == serverId && r.item().equals(item))
        .findFirst()
        .orElseThrow();
  }

  /** The members of a kernel set in the namespace, as ipset prints them. */
  private static List<String> members(String set) throws Exception {
    String out = run("ip", "netns", "exec", NS, "ipset", "list", set);
    List<String> members = new ArrayList<>();
    boolean listing = false;
    for (String line : out.split("\n")) {
      if (listing && !line.isBlank()) {
        members.add(line.strip().split(" ")[0]);
      }
      listing |= line.startsWith("Members:");
    }
    return members;
  }

  @Test
  void rulesReachTheKernelAndANodeDownDuringAChangeGetsItWhenItIsBack() throws Exception {
    rules.add(null, "41.0.0.0/25\n41.0.0.128/25\n41.1.0.1", Direction.IN, null, "", ADMIN);
    rules.add(null, "41.2.0.1", Direction.IN, Duration.ofMinutes(10), "", ADMIN);
    rules.add(serverId, "41.3.0.1", Direction.OUT, null, "", ADMIN);
    syncNow();

    assertThat(record("blocklist/in").state())
        .as(record("blocklist/in").lastError())
        .isEqualTo(SyncState.APPLIED);
    assertThat(members("blocklist_permanent")).containsExactlyInAnyOrder("41.0.0.0/24", "41.1.0.1");
    assertThat(members("blocklist_out_permanent")).containsExactly("41.3.0.1");
    assertThat(members("blocklist_temp")).containsExactly("41.2.0.1");
    assertThat(run("ip", "netns", "exec", NS, "ipset", "list", "blocklist_temp"))
        .containsPattern("41\\.2\\.0\\.1 timeout (5[4-9][0-9]|600)");

    agent.stop();
    rules.add(null, "41.4.0.1", Direction.IN, null, "", ADMIN);
    syncNow();
    assertThat(record("blocklist/in").state()).isEqualTo(SyncState.PENDING);
    assertThat(record("blocklist/in").lastError()).isNotBlank();

    agent.start();
    assertThat(members("blocklist_permanent"))
        .as("the agent restored its list before answering")
        .containsExactlyInAnyOrder("41.0.0.0/24", "41.1.0.1");
    sync.nodeSeen(serverId);
    syncNow();
    assertThat(record("blocklist/in").state()).isEqualTo(SyncState.APPLIED);
    assertThat(members("blocklist_permanent"))
        .containsExactlyInAnyOrder("41.0.0.0/24", "41.1.0.1", "41.4.0.1");

    run("ip", "netns", "exec", NS, "ipset", "add", "blocklist_permanent", "41.9.9.9");
    sync.checkDrift();
    assertThat(sync.awaitIdle(Duration.ofSeconds(60))).isTrue();
    syncNow();
    assertThat(members("blocklist_permanent"))
        .as("a set edited by hand is put back")
        .containsExactlyInAnyOrder("41.0.0.0/24", "41.1.0.1", "41.4.0.1");
    assertThat(record("blocklist/in").state()).isEqualTo(SyncState.APPLIED);
  }

  private static boolean canUseNamespaces() {
    try {
      return "0".equals(run("id", "-u").strip())
          && run("ip", "netns", "list") != null
          && run("ipset", "--version") != null
          && run("iptables", "--version") != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
