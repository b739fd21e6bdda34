package dev.fleetpanel.panel.blocklist.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SetVersion;
import dev.fleetpanel.node.blocklist.SyncBodyWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkListTest {

  static List<String> entries(NetworkList list) {
    List<String> out = new ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  static List<String> merged(String... entries) {
    return entries(NetworkList.of(List.of(entries)));
  }

  @Test
  void halvesMergeIntoTheirNetwork() {
    assertThat(merged("1.2.3.0/25", "1.2.3.128/25")).containsExactly("1.2.3.0/24");
    assertThat(merged("1.2.3.128/25", "1.2.3.0/25", "1.2.2.0/24")).containsExactly("1.2.2.0/23");
  }

  @Test
  void containedNetworksAndDuplicatesDisappear() {
    assertThat(merged("1.2.3.4", "1.2.3.0/24", "1.2.3.4", "1.2.3.0/24", "1.2.3.77/32"))
        .containsExactly("1.2.3.0/24");
    assertThat(merged("11.0.0.0/8", "11.1.0.0/16", "11.255.255.255")).containsExactly("11.0.0.0/8");
  }

  @Test
  void overlappingAndAdjacentNetworksBecomeTheMinimalCoverOfTheirUnion() {
    // 1.2.3.0 - 1.2.4.127: not one network, so the fewest that cover it exactly.
    assertThat(merged("1.2.4.0/25", "1.2.3.0/24", "1.2.3.128/25"))
        .containsExactly("1.2.3.0/24", "1.2.4.0/25");
    // Adjacent but not siblings: 1.2.3.128/25 + 1.2.4.0/25 stay two.
    assertThat(merged("1.2.4.0/25", "1.2.3.128/25")).containsExactly("1.2.3.128/25", "1.2.4.0/25");
  }

  @Test
  void addressesNextToEachOtherMergeAtEveryPrefixLength() {
    for (int prefix = 1; prefix <= 32; prefix++) {
      long size = 1L << (32 - prefix);
      NetworkList siblings = NetworkList.builder().addIpv4(0, prefix).addIpv4(size, prefix).build();
      assertThat(entries(siblings))
          .as("two /%d siblings", prefix)
          .containsExactly("0.0.0.0/" + (prefix - 1));
      if (prefix > 1) {
        NetworkList apart =
            NetworkList.builder().addIpv4(size, prefix).addIpv4(2 * size, prefix).build();
        assertThat(apart.size()).as("/%d neighbours that are not siblings", prefix).isEqualTo(2);
      }
    }
  }

  @Test
  void ipv6NetworksMergeAcrossTheMiddleOfTheAddress() {
    assertThat(merged("2a00::/65", "2a00:0:0:0:8000::/65")).containsExactly("2a00::/64");
    assertThat(merged("2a00:0:0:1::/64", "2a00::/64")).containsExactly("2a00::/63");
    // The last address of one /64 and the first of the next are adjacent (a carry into the top
    // half), so a range over the boundary is two networks, not three.
    assertThat(
            entries(
                NetworkList.builder()
                    .addIpv6Range(0x2a00_0000_0000_0000L, -512L, 0x2a00_0000_0000_0001L, 511)
                    .build()))
        .containsExactly("2a00::ffff:ffff:ffff:fe00/119", "2a00:0:0:1::/119");
    assertThat(merged("2a00::1", "2a00::", "2a00::2", "2a00::3")).containsExactly("2a00::/126");
  }

  @Test
  void theTopsOfBothSpacesAreReached() {
    assertThat(merged("255.255.255.255", "255.255.255.254")).containsExactly("255.255.255.254/31");
    assertThat(merged("255.255.255.0/24", "255.255.254.0/24")).containsExactly("255.255.254.0/23");
    assertThat(merged("128.0.0.0/1", "0.0.0.0/1")).containsExactly("0.0.0.0/0");
    assertThat(merged("8000::/1", "::/1")).containsExactly("::/0");
    assertThat(merged("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127", "ffff:ffff:ffff:ffff::/64"))
        .containsExactly("ffff:ffff:ffff:ffff::/64");
    assertThat(NetworkList.of(List.of("0.0.0.0/0")).size()).isEqualTo(1);
  }

  @Test
  void entriesComeInCanonicalOrderIpv4First() {
    List<String> texts = merged("2a00::1", "9.9.9.9", "2a00::/120", "1.1.1.1", "200.1.1.0/24");
    assertThat(texts).containsExactly("1.1.1.1", "9.9.9.9", "200.1.1.0/24", "2a00::/120");
    NetworkList list = NetworkList.of(texts);
    assertThat(list.ipv4Count()).isEqualTo(3);
    assertThat(list.ipv6Count()).isEqualTo(1);
    assertThat(list.size()).isEqualTo(4);
  }

  @Test
  void hostBitsAreClearedAndSpellingsDoNotMatter() {
    assertThat(merged("11.1.2.3/8", "2A00:0000::0001")).containsExactly("11.0.0.0/8", "2a00::1");
    assertThat(NetworkList.of(List.of("2a00::1", "11.0.0.0/8")))
        .isEqualTo(NetworkList.of(List.of("11.9.9.9/8", "2a00:0:0::1/128")));
  }

  @Test
  void ofRefusesWhatIsNotAnEntry() {
    assertThatThrownBy(() -> NetworkList.of(List.of("1.2.3.4", "example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example.com");
    assertThatThrownBy(() -> NetworkList.of(List.of("1.2.3.4-1.2.3.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderChecksWhatItIsGiven() {
    NetworkListBuilder builder = NetworkList.builder();
    assertThatThrownBy(() -> builder.addIpv4(0, 33)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.addIpv4Range(5, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.addIpv4Range(0, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.addIpv6Range(1, 0, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.addIpv6(0, 0, 129))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBuilderCanGoOnAfterBuilding() {
    NetworkListBuilder builder = NetworkList.builder().add(BlocklistEntry.parse("1.2.3.4"));
    NetworkList first = builder.build();
    NetworkList second = builder.add(BlocklistEntry.parse("1.2.3.6")).build();
    assertThat(entries(first)).containsExactly("1.2.3.4");
    assertThat(entries(second)).containsExactly("1.2.3.4", "1.2.3.6");
  }

  @Test
  void rangesBecomeTheNetworksThatCoverThemExactly() {
    assertThat(range("1.2.3.4", "1.2.3.4")).containsExactly("1.2.3.4");
    assertThat(range("11.0.0.0", "11.255.255.255")).containsExactly("11.0.0.0/8");
    assertThat(range("1.2.3.5", "1.2.3.17"))
        .containsExactly("1.2.3.5", "1.2.3.6/31", "1.2.3.8/29", "1.2.3.16/31");
    assertThat(range("0.0.0.1", "255.255.255.254")).hasSize(62);
    assertThat(range("0.0.0.0", "255.255.255.255")).containsExactly("0.0.0.0/0");
    assertThat(range("2a00::1", "2a00::6"))
        .containsExactly("2a00::1", "2a00::2/127", "2a00::4/127", "2a00::6");
    assertThat(range("::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe")).hasSize(254);
    assertThat(range("2a00::", "2a00:0:0:1:ffff:ffff:ffff:ffff")).containsExactly("2a00::/63");
  }

  static List<String> range(String first, String last) {
    BlocklistEntry a = BlocklistEntry.parse(first);
    BlocklistEntry b = BlocklistEntry.parse(last);
    NetworkListBuilder builder = NetworkList.builder();
    if (a.ipv6()) {
      builder.addIpv6Range(a.hi(), a.lo(), b.hi(), b.lo());
    } else {
      builder.addIpv4Range(a.lo(), b.lo());
    }
    return entries(builder.build());
  }

  @Test
  void unionMergesAcrossLists() {
    NetworkList a = NetworkList.of(List.of("1.2.3.0/25", "2a00::/64"));
    NetworkList b = NetworkList.of(List.of("1.2.3.128/25", "5.5.5.5"));
    assertThat(entries(NetworkList.union(a, b, NetworkList.EMPTY)))
        .containsExactly("1.2.3.0/24", "5.5.5.5", "2a00::/64");
    assertThat(NetworkList.union()).isEqualTo(NetworkList.EMPTY);
  }

  @Test
  void minusTakesAddressesOut() {
    NetworkList list = NetworkList.of(List.of("1.2.3.0/24", "2a00::/64"));
    NetworkList rest = list.minus(NetworkList.of(List.of("1.2.3.4", "2a00::/65")));
    assertThat(entries(rest))
        .containsExactly(
            "1.2.3.0/30",
            "1.2.3.5",
            "1.2.3.6/31",
            "1.2.3.8/29",
            "1.2.3.16/28",
            "1.2.3.32/27",
            "1.2.3.64/26",
            "1.2.3.128/25",
            "2a00::8000:0:0:0/65");
    assertThat(list.minus(list)).isEqualTo(NetworkList.EMPTY);
    assertThat(list.minus(NetworkList.EMPTY)).isEqualTo(list);
  }

  @Test
  void diffComparesEntries() {
    NetworkList from = NetworkList.of(List.of("1.2.3.0/25", "5.5.5.5", "2a00::1"));
    NetworkList to = NetworkList.of(List.of("1.2.3.0/24", "5.5.5.5", "2a00::2"));
    NetworkList.Diff diff = NetworkList.diff(from, to);
    assertThat(entries(diff.added())).containsExactly("1.2.3.0/24", "2a00::2");
    assertThat(entries(diff.removed())).containsExactly("1.2.3.0/25", "2a00::1");
    assertThat(NetworkList.diff(to, to).isEmpty()).isTrue();
    assertThat(entries(NetworkList.diff(NetworkList.EMPTY, to).added())).isEqualTo(entries(to));
  }

  @Test
  void contentHashIsTheVersionAnAgentReports() {
    NetworkList list = NetworkList.of(List.of("2a00::1", "1.2.3.0/25", "1.2.3.128/25", "5.5.5.5"));
    assertThat(list.contentHash())
        .isEqualTo(SetVersion.of(List.of("1.2.3.0/24", "5.5.5.5", "2a00::1")))
        .hasSize(64);
    assertThat(NetworkList.EMPTY.contentHash()).isEqualTo(SetVersion.EMPTY);
  }

  @Test
  void theCanonicalTextsStreamIntoASyncBody() throws Exception {
    NetworkList list = NetworkList.of(List.of("1.2.3.4", "2a00::/64"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SyncBodyWriter.writeFull(out, Direction.IN, ListKind.PERMANENT, list.canonical());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"direction\":\"in\",\"permanent\":true,\"ips\":[\"1.2.3.4\",\"2a00::/64\"]}");
    // An Iterable can be walked again.
    assertThat(list.canonical()).containsExactly("1.2.3.4", "2a00::/64");
  }

  @Test
  void equalContentIsEqual() {
    NetworkList a = NetworkList.of(List.of("1.2.3.0/25", "1.2.3.128/25"));
    NetworkList b = NetworkList.of(List.of("1.2.3.0/24"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(NetworkList.of(List.of("1.2.3.0/25")));
    assertThat(a.toString()).isEqualTo("NetworkList[1 entries: 1.2.3.0/24]");
    assertThat(NetworkList.EMPTY.isEmpty()).isTrue();
    assertThat(a.isEmpty()).isFalse();
  }
}
