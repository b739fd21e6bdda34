package dev.fleetpanel.node.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlocklistEntryTest {

  /** The right column is what ipset 7.17 printed for the left one (see the agent's system test). */
  @ParameterizedTest
  @CsvSource({
    "1.2.3.4, 1.2.3.4",
    "1.2.3.4/32, 1.2.3.4",
    "1.2.3.4/24, 1.2.3.0/24",
    "' 8.8.8.8 ', 8.8.8.8",
    "0.0.0.0/0, 0.0.0.0/0",
    "255.255.255.255, 255.255.255.255",
    "2a00:1:0:0:1::/80, 2a00:1:0:0:1::/80",
    "2a00:0:0:1:0:0:0:1, 2a00:0:0:1::1",
    "2a00:0:0:1:0:0:0:0, 2a00:0:0:1::",
    "2a00:0:0:0:1:0:0:0, 2a00::1:0:0:0",
    "2a00:1:0:1:0:1:0:1, 2a00:1:0:1:0:1:0:1",
    "2A00:ABCD::1, 2a00:abcd::1",
    "2a00:abcd:ef::/48, 2a00:abcd:ef::/48",
    "2a00:1:2:3:4:5:6:7/127, 2a00:1:2:3:4:5:6:6/127",
    "2a00::/3, 2000::/3",
    "::ffff:1.2.3.4, ::ffff:1.2.3.4",
    "::1.2.3.4, ::1.2.3.4",
    "::1, ::1",
    "::2, ::2",
    "::, ::",
    "::ffff:0:0:1, ::ffff:0:0:1",
    "::ffff:1:0:0:1, ::ffff:1:0:0:1",
    "2a00:1::1.2.3.4, 2a00:1::102:304",
    "1::, 1::",
    "2a00:0db8:0000:0000:0000:0000:0000:0001/128, 2a00:db8::1"
  })
  void canonicalTextIsWhatIpsetPrints(String input, String canonical) {
    assertThat(BlocklistEntry.parse(input).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "example.com",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "010.1.1.1",
        "1.2.3.4/33",
        "1.2.3.4/",
        "1.2.3.4/08",
        "1.2.3.4/-1",
        "1.2.3.4-1.2.3.7",
        "1.2.3.4 /24",
        "::1/129",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1::2::3",
        ":::",
        "1:",
        ":1",
        "12345::",
        "fe80::1%eth0",
        "[::1]",
        "::1.2.3",
        "1:2:3:4:5:6:7:1.2.3.4",
        "g::1",
        "１.２.３.４",
        "1.2.3.4\u0000",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128 and more"
      })
  void garbageIsRefusedWithAReason(String input) {
    EntryParser parser = new EntryParser();

    assertThat(parser.parse(input)).isFalse();
    assertThat(parser.error()).isNotBlank();
    assertThatThrownBy(() -> BlocklistEntry.parse(input))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parserIsReusableAfterAFailure() {
    EntryParser parser = new EntryParser();

    assertThat(parser.parse("nonsense")).isFalse();
    assertThat(parser.parse("9.9.9.9/16")).isTrue();
    assertThat(parser.error()).isNull();
    assertThat(parser.ipv6()).isFalse();
    assertThat(parser.lo()).isEqualTo(0x09090000L);
    assertThat(parser.prefix()).isEqualTo(16);
  }

  @Test
  void ipv4SortsNumericallyByAddressThenPrefixAndBeforeIpv6() {
    List<BlocklistEntry> entries = new ArrayList<>();
    for (String text :
        List.of("2a00::1", "10.0.0.0/8", "9.255.255.255", "10.0.0.0/16", "2000::/3", "1.2.3.4")) {
      entries.add(BlocklistEntry.parse(text));
    }
    Collections.shuffle(entries, new java.util.Random(7));
    Collections.sort(entries);

    assertThat(entries.stream().map(BlocklistEntry::canonical))
        .containsExactly(
            "1.2.3.4", "9.255.255.255", "10.0.0.0/8", "10.0.0.0/16", "2000::/3", "2a00::1");
  }

  @Test
  void highAddressesSortAsUnsigned() {
    assertThat(BlocklistEntry.parse("200.0.0.1")).isGreaterThan(BlocklistEntry.parse("100.0.0.1"));
    assertThat(BlocklistEntry.parse("ff00::1")).isGreaterThan(BlocklistEntry.parse("2a00::1"));
    assertThat(BlocklistEntry.parse("2a00::8000:0:0:1"))
        .isGreaterThan(BlocklistEntry.parse("2a00::1"));
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.1.2.3, true",
    "10.1.2.3, 10.0.0.0/8, true",
    "10.0.0.0/8, 11.0.0.0/8, false",
    "0.0.0.0/0, 255.255.255.255, true",
    "8.0.0.0/6, 10.0.0.0/8, true",
    "2a0b::/32, 2a0b:0:ffff::1, true",
    "2a0b::/32, 2a0c::/32, false",
    "2a0b::1/128, 2a0b::1, true",
    "2a0b::8000:0:0:0/65, 2a0b::1, false",
    "::/0, ::1, true",
    "::ffff:1.2.3.4, 1.2.3.4, false"
  })
  void overlapMeansOneContainsTheOther(String a, String b, boolean overlap) {
    assertThat(BlocklistEntry.parse(a).overlaps(BlocklistEntry.parse(b))).isEqualTo(overlap);
    assertThat(BlocklistEntry.parse(b).overlaps(BlocklistEntry.parse(a))).isEqualTo(overlap);
  }

  @Test
  void equalEntriesHaveEqualTextAndHash() {
    BlocklistEntry a = BlocklistEntry.parse("2a00:0:0:0::5/64");
    BlocklistEntry b = BlocklistEntry.parse("2a00::/64");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.canonical()).isEqualTo(b.canonical());
    assertThat(BlocklistEntry.tryParse("nope")).isEmpty();
  }
}
