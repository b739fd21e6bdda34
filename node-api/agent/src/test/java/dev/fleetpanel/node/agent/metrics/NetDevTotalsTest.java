package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetDevTotalsTest {

  @Test
  void sumsPhysicalInterfacesOnlyIncludingDownOnes() {
    List<InterfaceStats> interfaces =
        List.of(
            stats("eth0", 1000, 10, InterfaceKind.PHYSICAL),
            stats("ens3", 200, 2, InterfaceKind.PHYSICAL),
            stats("eth1", 5000, 50, InterfaceKind.BOND_SLAVE),
            stats("docker0", 7000, 70, InterfaceKind.VIRTUAL));

    assertThat(NetDevTotals.of(interfaces)).isEqualTo(new NetDevTotals(1200, 2400, 12, 24));
  }

  @Test
  void noInterfaceGivesZero() {
    assertThat(NetDevTotals.of(List.of())).isEqualTo(new NetDevTotals(0, 0, 0, 0));
  }

  private static InterfaceStats stats(String name, long rxBytes, long rxPackets, InterfaceKind k) {
    NetDevCounters c =
        new NetDevCounters(name, rxBytes, rxPackets, 0, 0, 2 * rxBytes, 2 * rxPackets, 0, 0);
    return new InterfaceStats(c, InterfaceFacts.UNKNOWN, k);
  }
}
