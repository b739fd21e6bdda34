package dev.fleetpanel.panel.nodesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocklist's change path with real agents ({@code bin/fleetpanel bench blocklist}; not part of
 * the suite: its name does not end in IT). The panel's services on PostgreSQL, {@code
 * fleetpanel.bench.nodes} real agents (default 20), each with its ipset and iptables in a network
 * namespace of its own, on this machine. A {@code fleetpanel.bench.entries}-entry list (default
 * 1,000,000 distinct public IPv4 addresses and networks from a fixed seed) is served by a local
 * HTTP server as an automatic list. Measured, with the node sync running as in the panel (its
 * debounce included): the list's download, parse and merge; from the list's change until one node
 * has applied it, then all of them (with the pushes that failed and were retried: on one machine
 * the agents' kernel work shares its cores); a change of 100 entries (a paste of 100 addresses)
 * against it, from the paste until one node, then every node, applied the delta; the panel's CPU
 * time for each. Every node's kernel set is checked at the end. Figures go to {@code
 * target/bench/blocklist.properties}.
 */
class BlocklistBench {
  private static final Actor ADMIN = new Actor("bench", "127.0.0.1");
  private static final String IN = "blocklist/in";

  /** The pushes seen failed (and so retried) while waiting, with their errors. */
  private static final Map<String, String> RETRIED = new java.util.TreeMap<>();

  @TempDir Path data;

  @Test
  void aMillionEntriesOntoRealNodes() throws Exception {
    int nodes = Integer.getInteger("fleetpanel.bench.nodes", 20);
    int entries = Integer.getInteger("fleetpanel.bench.entries", 1_000_000);
    SystemTests.assume(TestDatabase.postgresReachable(), "PostgreSQL");
    SystemTests.assume("0".equals(run("id", "-u").strip()), "root (for ip netns)");
    Map<String, Object> figures = new LinkedHashMap<>();
    List<String> namespaces = new ArrayList<>();
    List<RealAgent> agents = new ArrayList<>();
    Path list = data.resolve("list.txt");
    Files.writeString(list, generate(entries), StandardCharsets.US_ASCII);
    HttpServer web =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    web.createContext(
        "/list.txt",
        exchange -> {
          try (exchange) {
            exchange.sendResponseHeaders(200, Files.size(list));
            Files.copy(list, exchange.getResponseBody());
          }
        });
    web.start();
    try (TestDatabase db = TestDatabase.postgres();
        Database database = Database.open(db.config(data, Map.of()))) {
      PanelCore core = PanelCore.open(database, Clock.systemUTC());
      ServerService servers = core.servers();
      EnrolmentService enrolment = core.enrolment();
      java.util.concurrent.atomic.AtomicReference<NodeSync> wake =
          new java.util.concurrent.atomic.AtomicReference<>();
      BlocklistModule blocklist =
          BlocklistModule.create(
              core.tx(),
              core.audit(),
              servers,
              core.client(),
              new SourceFetcher(),
              data,
              core.clock(),
              () -> wake.get().changed());
      SourceService sources = blocklist.sources();
      NodeSync sync =
          new NodeSync(
              new SyncStore(core.tx()),
              servers,
              Map.of("blocklist", blocklist.target()),
              core.clock(),
              Duration.ofHours(1));
      wake.set(sync);
      sources.sources().forEach(s -> sources.setEnabled(s.id(), false, ADMIN));
      RuleService rules = blocklist.rules();
      for (int i = 0; i < nodes; i++) {
        String ns = "fpbench" + ProcessHandle.current().pid() + "n" + i;
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        int port = RealAgent.freePort();
        Server server =
            servers.create(new ServerForm("bench-" + i, "127.0.0.1", port, null, ""), ADMIN);
        servers.setActive(server.id(), i == 0, ADMIN);
        RealAgent agent =
            RealAgent.enrol(enrolment, server.id(), data.resolve("node" + i), port, ADMIN)
                .blocklistIn(ns);
        agent.start();
        agents.add(agent);
      }
      sync.start();
      waitApplied(sync, 1, null, Duration.ofMinutes(2));

      long t0 = System.nanoTime();
      long id =
          sources
              .add(
                  "bench",
                  "http://127.0.0.1:" + web.getAddress().getPort() + "/list.txt",
                  Direction.IN,
                  ADMIN)
              .id();
      String before = inHash(sync);
      SourceService.Refresh refresh = sources.refresh(id, ADMIN);
      long t1 = System.nanoTime();
      assertThat(refresh.ok()).as(refresh.error()).isTrue();
      figures.put("list_entries_merged", refresh.entries());
      figures.put("list_refresh_ms", ms(t1 - t0));
      waitApplied(sync, 1, before, Duration.ofMinutes(5));
      figures.put("one_node_full_ms", ms(System.nanoTime() - t1));
      figures.put("one_node_kernel_entries", members(namespaces.get(0), "blocklist_permanent"));

      before = inHash(sync);
      long t2 = System.nanoTime();
      rules.add(null, addresses(100, 7), Direction.IN, null, "bench", ADMIN);
      waitApplied(sync, 1, before, Duration.ofMinutes(2));
      figures.put("one_node_change_100_ms", ms(System.nanoTime() - t2));

      RETRIED.clear();
      long t3 = System.nanoTime();
      long cpu3 = panelCpu();
      for (Server s : servers.list()) {
        servers.setActive(s.id(), true, ADMIN);
      }
      sync.changed();
      waitApplied(sync, nodes, null, Duration.ofMinutes(30));
      figures.put("all_nodes", nodes);
      figures.put("all_nodes_full_ms", ms(System.nanoTime() - t3));
      figures.put("all_nodes_full_panel_cpu_ms", ms(panelCpu() - cpu3));
      figures.put("all_nodes_full_retried", RETRIED.size());
      RETRIED.forEach((k, v) -> System.out.println("retried " + k + ": " + v));

      before = inHash(sync);
      RETRIED.clear();
      long t4 = System.nanoTime();
      long cpu4 = panelCpu();
      rules.add(null, addresses(100, 11), Direction.IN, null, "bench", ADMIN);
      long first = waitApplied(sync, nodes, before, Duration.ofMinutes(5));
      figures.put("all_nodes_change_100_ms", ms(System.nanoTime() - t4));
      figures.put("all_nodes_change_100_first_ms", ms(first - t4));
      figures.put("all_nodes_change_100_panel_cpu_ms", ms(panelCpu() - cpu4));
      figures.put("all_nodes_change_100_retried", RETRIED.size());
      RETRIED.forEach((k, v) -> System.out.println("retried " + k + ": " + v));
      // Every node's kernel holds the list and both pastes (the pastes are in 100.0.0.0/10, the
      // list below it).
      for (String ns : namespaces) {
        assertThat(members(ns, "blocklist_permanent")).as(ns).isEqualTo(refresh.entries() + 200);
      }
      List<String> severe = new ArrayList<>();
      for (RealAgent agent : agents) {
        List<String> lines = agent.log().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("SEVERE") || lines.get(i).startsWith("WARNING")) {
            severe.add(lines.get(i) + (i > 0 ? "  <- " + lines.get(i - 1) : ""));
          }
        }
      }
      figures.put("agent_log_warnings", severe.size());
      severe.stream().distinct().limit(20).forEach(System.out::println);

      sync.close();
    } finally {
      web.stop(0);
      for (RealAgent agent : agents) {
        agent.stop();
      }
      for (String ns : namespaces) {
        run("ip", "netns", "del", ns);
      }
    }
    Path out = Path.of("target", "bench", "blocklist.properties");
    Files.createDirectories(out.getParent());
    StringBuilder text = new StringBuilder();
    figures.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(out, text);
    System.out.print(text);
  }

  /** The list the panel wants on the nodes' incoming permanent set (the same for all of them). */
  private static String inHash(NodeSync sync) {
    return sync.records().stream()
        .filter(r -> r.item().equals(IN))
        .map(SyncRecord::desiredHash)
        .findFirst()
        .orElseThrow();
  }

  /**
   * CPU time of this JVM but the calling thread, which only polls the sync's state: the panel's
   * services (the agents are processes of their own), in ns.
   */
  private static long panelCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        - java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /**
   * Waits until {@code count} servers have every item applied and, unless {@code before} is null, a
   * list other than {@code before} wanted on their incoming set (the change was planned); returns
   * when the first of them was.
   */
  private static long waitApplied(NodeSync sync, int count, String before, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long first = 0;
    while (System.nanoTime() < deadline) {
      Map<Long, Boolean> servers = new LinkedHashMap<>();
      for (SyncRecord r : sync.records()) {
        boolean done =
            r.state() == SyncState.APPLIED
                && !(r.item().equals(IN) && r.desiredHash().equals(before));
        servers.merge(r.serverId(), done, Boolean::logicalAnd);
        if (r.lastError() != null) {
          RETRIED.put(r.serverId() + " " + r.item(), r.lastError());
        }
      }
      long done = servers.values().stream().filter(b -> b).count();
      if (first == 0 && done > 0) {
        first = System.nanoTime();
      }
      if (done >= count && done == servers.size()) {
        return first;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "not applied within "
            + limit
            + ": "
            + sync.records().stream()
                .map(r -> r.serverId() + " " + r.item() + " " + r.state() + " " + r.lastError())
                .toList());
  }

  /** {@code n} distinct public addresses in 100.0.0.0/8 (not CGNAT 100.64/10) from a seed. */
  private static String addresses(int n, int seed) {
    Random random = new Random(seed);
    TreeSet<String> out = new TreeSet<>();
    while (out.size() < n) {
      out.add("100." + random.nextInt(64) + "." + random.nextInt(256) + "." + random.nextInt(256));
    }
    return String.join("\n", out);
  }

  /** A list of {@code n} distinct public IPv4 entries: 95 % addresses, 5 % networks /20-/28. */
  private static String generate(int n) {
    Random random = new Random(42);
    StringBuilder out = new StringBuilder(n * 16);
    out.append("# bench list\n");
    for (int i = 0; i < n; i++) {
      int a = 11 + random.nextInt(89);
      int b = random.nextInt(256);
      int c = random.nextInt(256);
      int d = random.nextInt(256);
      out.append(a).append('.').append(b).append('.').append(c).append('.').append(d);
      if (random.nextInt(20) == 0) {
        out.append('/').append(20 + random.nextInt(9));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static int members(String ns, String set) throws IOException, InterruptedException {
    String header = run("ip", "netns", "exec", ns, "ipset", "list", "-terse", set);
    for (String line : header.split("\n")) {
      if (line.startsWith("Number of entries:")) {
        return Integer.parseInt(line.substring("Number of entries:".length()).strip());
      }
    }
    return -1;
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
