package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.NetworkReaderTest.root1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConntrackReaderTest {

  @Test
  void readsCountAndMax() throws Exception {
    ConntrackCounts counts = new ConntrackReader(root1()).read().orElseThrow();

    assertThat(counts).isEqualTo(new ConntrackCounts(1234, 262144));
    assertThat(counts.fillPercent()).isCloseTo(0.4707, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void isEmptyWithoutTheModule(@TempDir Path root) {
    assertThat(new ConntrackReader(root).read()).isEmpty();
  }

  @Test
  void isEmptyWhenAFileIsGarbageOrMissing(@TempDir Path root) throws Exception {
    Path dir = Files.createDirectories(root.resolve("proc/sys/net/netfilter"));
    Files.writeString(dir.resolve("nf_conntrack_count"), "12\n");

    assertThat(new ConntrackReader(root).read()).isEmpty();

    Files.writeString(dir.resolve("nf_conntrack_max"), "lots\n");
    assertThat(new ConntrackReader(root).read()).isEmpty();
  }

  @Test
  void aZeroMaxGivesAZeroFill() {
    assertThat(new ConntrackCounts(5, 0).fillPercent()).isZero();
  }
}
