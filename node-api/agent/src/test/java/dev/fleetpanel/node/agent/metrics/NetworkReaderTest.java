package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the root1 tree, sysfs symlinks and directories ({@code device}, {@code bonding}, {@code
 * bonding_slave}, {@code bridge}) are plain marker files, and {@code master} is a file holding the
 * master's name.
 */
class NetworkReaderTest {

  @Test
  void classifiesEveryInterfaceOfRoot1() throws Exception {
    Map<String, InterfaceStats> byName = read(root1());

    assertThat(byName)
        .containsOnlyKeys(
            "lo", "eth0", "ens3", "docker0", "veth1234", "wg0", "bond0", "eth1", "eth2");
    assertThat(kinds(byName))
        .containsEntry("eth0", InterfaceKind.PHYSICAL)
        .containsEntry("ens3", InterfaceKind.PHYSICAL)
        .containsEntry("bond0", InterfaceKind.PHYSICAL)
        .containsEntry("eth1", InterfaceKind.BOND_SLAVE)
        .containsEntry("eth2", InterfaceKind.BOND_SLAVE)
        .containsEntry("lo", InterfaceKind.VIRTUAL)
        .containsEntry("docker0", InterfaceKind.VIRTUAL)
        .containsEntry("veth1234", InterfaceKind.VIRTUAL)
        .containsEntry("wg0", InterfaceKind.VIRTUAL);
  }

  @Test
  void readsSysfsFactsOfRoot1() throws Exception {
    Map<String, InterfaceStats> byName = read(root1());

    assertThat(byName.get("eth0").facts())
        .isEqualTo(
            new InterfaceFacts(true, "up", 1500, "52:54:00:12:34:56", 1000, false, false, false));
    assertThat(byName.get("ens3").facts())
        .isEqualTo(
            new InterfaceFacts(true, "down", 1500, "52:54:00:ab:cd:ef", null, false, false, false));
    assertThat(byName.get("wg0").facts())
        .isEqualTo(new InterfaceFacts(false, "unknown", 1420, null, null, false, false, false));
    assertThat(byName.get("veth1234").facts().bondSlave()).isFalse();
    assertThat(byName.get("bond0").facts().bondMaster()).isTrue();
  }

  @Test
  void totalCountsPhysicalInterfacesOnlyWithTheDownOne() throws Exception {
    NetDevSnapshot snapshot = new NetworkReader(root1()).read().orElseThrow();

    // eth0 + ens3 (down) + bond0; not lo, docker0, veth1234, wg0 or the slaves eth1 and eth2
    assertThat(snapshot.total())
        .isEqualTo(
            new NetDevTotals(1_009_181_586_292L, 134_204_693_012L, 842_386_638, 476_797_204));
  }

  @Test
  void anEmptyRootGivesAnEmptySection(@TempDir Path root) {
    assertThat(new NetworkReader(root).read()).isEmpty();
  }

  @Test
  void aFileWithoutInterfacesGivesAnEmptySection(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/net"));
    Files.writeString(root.resolve("proc/net/dev"), "Inter-|   Receive\n face |bytes\n");

    assertThat(new NetworkReader(root).read()).isEmpty();
  }

  @Test
  void withoutSysfsEveryInterfaceButABondIsVirtual(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/net"));
    Files.copy(root1().resolve("proc/net/dev"), root.resolve("proc/net/dev"));

    NetDevSnapshot snapshot = new NetworkReader(root).read().orElseThrow();

    assertThat(snapshot.interfaces())
        .filteredOn(i -> i.kind().countsInTotal())
        .extracting(InterfaceStats::name)
        .containsExactly("bond0");
  }

  private static Map<String, InterfaceStats> read(Path root) {
    return new NetworkReader(root)
        .read().orElseThrow().interfaces().stream()
            .collect(Collectors.toMap(InterfaceStats::name, Function.identity()));
  }

  private static Map<String, InterfaceKind> kinds(Map<String, InterfaceStats> byName) {
    return byName.values().stream()
        .collect(Collectors.toMap(InterfaceStats::name, InterfaceStats::kind));
  }

  static Path root1() throws URISyntaxException {
    return Path.of(NetworkReaderTest.class.getResource("/fixtures/root1").toURI());
  }
}
