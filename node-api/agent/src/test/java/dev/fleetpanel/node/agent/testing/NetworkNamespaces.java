package dev.fleetpanel.node.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandResult;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two network namespaces joined by a veth pair: the node (where the agent's firewall commands run)
 * and a peer (the outside world). Made fresh for a test class and deleted afterwards, also when a
 * test fails (and at JVM exit, should the class never finish).
 *
 * <p>Addresses: every address the tests block must pass the agent's refusal rules, which refuse
 * private, shared, documentation and other non-public ranges. So the pair uses 11.0.0.0/29 and
 * 2a0b:fb00:1::/64, which are public (allocated, routed on the internet) but never leave these
 * namespaces: they have no route outside. The node is 11.0.0.1 and 2a0b:fb00:1::1; the peer holds
 * 11.0.0.2, 11.0.0.3 and 2a0b:fb00:1::2, 2a0b:fb00:1::3, so one address can be blocked while
 * another of the same peer still gets through.
 */
public final class NetworkNamespaces implements AutoCloseable {

  public static final String NODE_V4 = "11.0.0.1";
  public static final String PEER_V4 = "11.0.0.2";
  public static final String PEER_V4_OTHER = "11.0.0.3";
  public static final String NODE_V6 = "2a0b:fb00:1::1";
  public static final String PEER_V6 = "2a0b:fb00:1::2";
  public static final String PEER_V6_OTHER = "2a0b:fb00:1::3";

  private static final CommandRunner HOST = CommandRunner.local();

  private final String node;
  private final String peer;
  private final Thread cleanup;

  private NetworkNamespaces(String node, String peer) {
    this.node = node;
    this.peer = peer;
    this.cleanup = new Thread(this::delete, "netns-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /**
   * Skips the test class (or fails it under FLEETPANEL_REQUIRE_SYSTEM_TESTS=1) unless this machine
   * can run {@code ip netns} with the tools the tests use.
   */
  public static void assumeAvailable() {
    boolean root = "root".equals(System.getProperty("user.name"));
    SystemTests.assume(root, "root (network namespaces, iptables)");
    for (String tool : List.of("ip", "ipset", "iptables", "ip6tables", "conntrack", "socat")) {
      SystemTests.assume(installed(tool), tool);
    }
  }

  /** Creates the pair, named after {@code tag} and this process. */
  public static NetworkNamespaces create(String tag) throws CommandFailedException {
    String suffix = tag + ProcessHandle.current().pid();
    NetworkNamespaces pair = new NetworkNamespaces("fpn" + suffix, "fpp" + suffix);
    try {
      pair.build();
    } catch (CommandFailedException | RuntimeException e) {
      pair.close();
      throw e;
    }
    return pair;
  }

  public String node() {
    return node;
  }

  public String peer() {
    return peer;
  }

  /** Runs commands in the node's namespace. */
  public CommandRunner nodeRunner() {
    return CommandRunner.inNamespace(node);
  }

  /** Runs commands in the peer's namespace. */
  public CommandRunner peerRunner() {
    return CommandRunner.inNamespace(peer);
  }

  /** Runs a command in the node's namespace and expects it to succeed; its output. */
  public String inNode(String... argv) throws CommandFailedException {
    return ok(nodeRunner(), argv);
  }

  /** Deletes both namespaces and recreates them: a reboot for what the kernel held. */
  public void reboot() throws CommandFailedException {
    delete();
    build();
  }

  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }

  private void build() throws CommandFailedException {
    String nodeEnd = "fpv" + node.substring(3);
    String peerEnd = "fpw" + peer.substring(3);
    ok(HOST, "ip", "netns", "add", node);
    ok(HOST, "ip", "netns", "add", peer);
    ok(
        HOST,
        "ip",
        "link",
        "add",
        shorten(nodeEnd),
        "type",
        "veth",
        "peer",
        "name",
        shorten(peerEnd));
    ok(HOST, "ip", "link", "set", shorten(nodeEnd), "netns", node);
    ok(HOST, "ip", "link", "set", shorten(peerEnd), "netns", peer);
    ok(nodeRunner(), "ip", "addr", "add", NODE_V4 + "/29", "dev", shorten(nodeEnd));
    ok(nodeRunner(), "ip", "addr", "add", NODE_V6 + "/64", "dev", shorten(nodeEnd), "nodad");
    for (String address : List.of(PEER_V4, PEER_V4_OTHER)) {
      ok(peerRunner(), "ip", "addr", "add", address + "/29", "dev", shorten(peerEnd));
    }
    for (String address : List.of(PEER_V6, PEER_V6_OTHER)) {
      ok(peerRunner(), "ip", "addr", "add", address + "/64", "dev", shorten(peerEnd), "nodad");
    }
    for (CommandRunner side : List.of(nodeRunner(), peerRunner())) {
      ok(side, "ip", "link", "set", "lo", "up");
    }
    ok(nodeRunner(), "ip", "link", "set", shorten(nodeEnd), "up");
    ok(peerRunner(), "ip", "link", "set", shorten(peerEnd), "up");
  }

  /** Interface names are at most 15 characters. */
  private static String shorten(String name) {
    return name.length() <= 15 ? name : name.substring(0, 15);
  }

  private void delete() {
    for (String namespace : List.of(node, peer)) {
      try {
        HOST.run(Command.of(List.of("ip", "netns", "delete", namespace)));
      } catch (CommandFailedException e) {
        // Nothing to delete.
      }
    }
  }

  private static String ok(CommandRunner runner, String... argv) throws CommandFailedException {
    CommandResult result = runner.run(Command.of(List.of(argv)));
    assertThat(result.ok()).as(result.describe()).isTrue();
    return result.stdout();
  }

  private static boolean installed(String tool) {
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
    return dirs.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }
}
