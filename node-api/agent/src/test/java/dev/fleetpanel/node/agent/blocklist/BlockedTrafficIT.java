package dev.fleetpanel.node.agent.blocklist;

import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.NODE_V4;
import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.NODE_V6;
import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.PEER_V4;
import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.PEER_V4_OTHER;
import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.PEER_V6;
import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.PEER_V6_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.testing.NetworkNamespaces;
import dev.fleetpanel.node.agent.testing.Socat;
import dev.fleetpanel.node.blocklist.SyncResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packets through the agent's rules, between two namespaces: a blocked address is dropped, another
 * still passes, an established connection of a newly blocked address ends. The node accepts
 * established connections early in INPUT, as ufw's rules do, so the block only holds because the
 * agent's chain comes first and the connection's tracking entry is deleted.
 */
class BlockedTrafficIT {

  private static NetworkNamespaces net;
  private static AutoCloseable nodeEcho;
  private static AutoCloseable nodeEcho6;
  private static AutoCloseable peerEcho;
  @TempDir static Path state;
  private static BlocklistService service;

  @BeforeAll
  static void start() throws Exception {
    NetworkNamespaces.assumeAvailable();
    net = NetworkNamespaces.create("trf");
    for (String iptables : List.of("iptables", "ip6tables")) {
      net.inNode(
          iptables,
          "-A",
          "INPUT",
          "-m",
          "conntrack",
          "--ctstate",
          "ESTABLISHED,RELATED",
          "-j",
          "ACCEPT");
    }
    nodeEcho = Socat.echoServer(net.node(), "TCP4-LISTEN:7000");
    nodeEcho6 = Socat.echoServer(net.node(), "TCP6-LISTEN:7001");
    peerEcho = Socat.echoServer(net.peer(), "TCP4-LISTEN:7002");
    service =
        new BlocklistService(
            BlocklistConfig.of(state, List.of()), net.nodeRunner(), Clock.systemUTC());
    assertThat(service.start()).as("%s", service.error()).isTrue();
    Thread.sleep(300);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable server : new AutoCloseable[] {nodeEcho, nodeEcho6, peerEcho}) {
      if (server != null) {
        server.close();
      }
    }
    if (net != null) {
      net.close();
    }
  }

  @BeforeEach
  void emptyLists() throws Exception {
    sync("in", "[]");
    sync("out", "[]");
  }

  /**
   * Both addresses get through before the block, which also settles IPv6 neighbour discovery: once
   * the peer's source is blocked, its neighbour solicitations would be dropped too.
   */
  @Test
  void aBlockedSourceIsDroppedAndAnotherPasses() throws Exception {
    assertThat(Socat.echoes(net.peerRunner(), "TCP:" + NODE_V4 + ":7000", PEER_V4)).isTrue();
    assertThat(Socat.echoes(net.peerRunner(), "TCP6:[" + NODE_V6 + "]:7001", "[" + PEER_V6 + "]"))
        .isTrue();

    sync("in", "[\"" + PEER_V4 + "\",\"" + PEER_V6 + "\"]");

    assertThat(Socat.echoes(net.peerRunner(), "TCP:" + NODE_V4 + ":7000", PEER_V4)).isFalse();
    assertThat(Socat.echoes(net.peerRunner(), "TCP:" + NODE_V4 + ":7000", PEER_V4_OTHER)).isTrue();
    assertThat(Socat.echoes(net.peerRunner(), "TCP6:[" + NODE_V6 + "]:7001", "[" + PEER_V6 + "]"))
        .isFalse();
    assertThat(
            Socat.echoes(
                net.peerRunner(), "TCP6:[" + NODE_V6 + "]:7001", "[" + PEER_V6_OTHER + "]"))
        .isTrue();
  }

  @Test
  void aBlockedDestinationIsUnreachableFromTheNode() throws Exception {
    sync("out", "[\"" + PEER_V4_OTHER + "\"]");

    assertThat(Socat.echoes(net.nodeRunner(), "TCP:" + PEER_V4_OTHER + ":7002", NODE_V4)).isFalse();
    assertThat(Socat.echoes(net.nodeRunner(), "TCP:" + PEER_V4 + ":7002", NODE_V4)).isTrue();
  }

  @Test
  void anEstablishedConnectionOfANewlyBlockedAddressEnds() throws Exception {
    try (Socat.Connection connection =
        Socat.Connection.open(net.peer(), "TCP:" + NODE_V4 + ":7000", PEER_V4)) {
      assertThat(connection.echoes("before", Duration.ofSeconds(3))).isTrue();
      assertThat(net.inNode("conntrack", "-L", "-f", "ipv4")).contains("src=" + PEER_V4);

      SyncResult result = sync("in", "[\"11.0.0.2/32\"]");

      assertThat(result.connectionsCut()).isEqualTo(1);
      assertThat(net.inNode("conntrack", "-L", "-f", "ipv4")).doesNotContain("src=" + PEER_V4);
      assertThat(connection.echoes("after", Duration.ofMillis(1500))).isFalse();
    }
  }

  /** A sync that adds nothing leaves the connection table alone (no listing of the whole list). */
  @Test
  void aSyncThatAddsNothingCutsNothing() throws Exception {
    sync("in", "[\"" + PEER_V4 + "\"]");
    String[] flow = {
      "-s", PEER_V4, "-d", NODE_V4, "-p", "tcp", "--sport", "40000", "--dport", "7000"
    };
    net.inNode(
        concat(
            new String[] {"conntrack", "-I"},
            flow,
            new String[] {"--state", "ESTABLISHED", "-t", "120", "-u", "ASSURED"}));
    try {
      SyncResult result = sync("in", "[\"" + PEER_V4 + "\"]");

      assertThat(result.connectionsCut()).isZero();
      assertThat(net.inNode("conntrack", "-L", "-f", "ipv4")).contains("src=" + PEER_V4);
    } finally {
      net.nodeRunner()
          .run(
              dev.fleetpanel.node.agent.exec.Command.of(
                  List.of(concat(new String[] {"conntrack", "-D"}, flow))));
    }
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private static SyncResult sync(String direction, String ips) throws Exception {
    String json = "{\"direction\":\"" + direction + "\",\"permanent\":true,\"ips\":" + ips + "}";
    return service.sync(
        service
            .reader(null)
            .read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                null,
                RequestShape.SYNC));
  }
}
