package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.InterfaceKind.BOND_SLAVE;
import static dev.fleetpanel.node.agent.metrics.InterfaceKind.PHYSICAL;
import static dev.fleetpanel.node.agent.metrics.InterfaceKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceClassifierTest {

  private static final InterfaceFacts NIC_UP =
      new InterfaceFacts(true, "up", 1500, "52:54:00:12:34:56", 1000, false, false, false);
  private static final InterfaceFacts NIC_DOWN =
      new InterfaceFacts(true, "down", 1500, "52:54:00:12:34:57", null, false, false, false);
  private static final InterfaceFacts NO_DEVICE =
      new InterfaceFacts(false, "up", 1500, "02:42:ac:11:00:02", null, false, false, false);

  @Test
  void aNicWithADeviceIsPhysicalWhetherUpOrDown() {
    assertThat(InterfaceClassifier.classify("eth0", NIC_UP)).isEqualTo(PHYSICAL);
    assertThat(InterfaceClassifier.classify("ens3", NIC_DOWN)).isEqualTo(PHYSICAL);
    assertThat(NIC_DOWN.isUp()).isFalse();
  }

  @Test
  void anInterfaceWithoutADeviceIsVirtual() {
    assertThat(InterfaceClassifier.classify("dummy0", NO_DEVICE)).isEqualTo(VIRTUAL);
    assertThat(InterfaceClassifier.classify("eth5", InterfaceFacts.UNKNOWN)).isEqualTo(VIRTUAL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lo",
        "veth1234",
        "docker0",
        "br-3f2a9c",
        "virbr0",
        "flannel.1",
        "cni0",
        "cali12ab",
        "wg0",
        "tun0",
        "tap0",
        "warp",
        "gre0",
        "sit0",
        "ip6tnl0"
      })
  void namesOnTheExclusionListAreVirtualEvenWithADevice(String name) {
    assertThat(InterfaceClassifier.classify(name, NIC_UP)).isEqualTo(VIRTUAL);
  }

  @Test
  void aBridgeIsVirtual() {
    InterfaceFacts bridge = new InterfaceFacts(false, "up", 1500, null, null, false, false, true);

    assertThat(InterfaceClassifier.classify("br0", bridge)).isEqualTo(VIRTUAL);
  }

  @Test
  void aBondMasterIsPhysicalAndItsSlavesAreNot() {
    InterfaceFacts master = new InterfaceFacts(false, "up", 1500, null, 2000, false, true, false);
    InterfaceFacts slave = new InterfaceFacts(true, "up", 1500, null, 1000, true, false, false);

    assertThat(InterfaceClassifier.classify("bond0", master)).isEqualTo(PHYSICAL);
    assertThat(InterfaceClassifier.classify("eth1", slave)).isEqualTo(BOND_SLAVE);
    assertThat(BOND_SLAVE.countsInTotal()).isFalse();
  }

  @Test
  void aBondNameIsPhysicalWhenSysfsIsNotVisible() {
    assertThat(InterfaceClassifier.classify("bond1", InterfaceFacts.UNKNOWN)).isEqualTo(PHYSICAL);
    assertThat(InterfaceClassifier.classify("bonding", InterfaceFacts.UNKNOWN)).isEqualTo(VIRTUAL);
  }

  @Test
  void loopbackAndWireGuardReportUnknownOperstateWhileUp() {
    InterfaceFacts lo =
        new InterfaceFacts(false, "unknown", 65536, null, null, false, false, false);

    assertThat(lo.isUp()).isTrue();
    assertThat(InterfaceFacts.UNKNOWN.isUp()).isFalse();
  }
}
