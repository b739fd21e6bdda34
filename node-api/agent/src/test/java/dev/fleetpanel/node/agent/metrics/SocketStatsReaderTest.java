package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.NetworkReaderTest.root1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketStatsReaderTest {

  @Test
  void addsIpv4AndIpv6SocketsOfRoot1() throws Exception {
    SocketStats stats = new SocketStatsReader(root1()).read();

    assertThat(stats.tcp()).isEqualTo(new TcpStateCounts(6, 5, 3, 2, 1, 1, 3, 5));
    assertThat(stats.tcp().total()).isEqualTo(26);
    assertThat(stats.udpTotal()).isEqualTo(6);
    assertThat(stats.conntrack()).isEqualTo(new ConntrackCounts(1234, 262144));
  }

  @Test
  void anEmptyRootGivesEmptySections(@TempDir Path root) {
    assertThat(new SocketStatsReader(root).read()).isEqualTo(new SocketStats(null, null, null));
  }

  @Test
  void withIpv6DisabledTheIpv4FilesAreEnough(@TempDir Path root) throws Exception {
    Path net = Files.createDirectories(root.resolve("proc/net"));
    Files.copy(root1().resolve("proc/net/tcp"), net.resolve("tcp"));
    Files.copy(root1().resolve("proc/net/udp"), net.resolve("udp"));

    SocketStats stats = new SocketStatsReader(root).read();

    assertThat(stats.tcp().total()).isEqualTo(17);
    assertThat(stats.udpTotal()).isEqualTo(4);
    assertThat(stats.conntrack()).isNull();
  }

  @Test
  void aDirectoryInPlaceOfAFileIsAnEmptySection(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/net/tcp"));

    assertThat(new SocketStatsReader(root).readTcp()).isEmpty();
  }
}
