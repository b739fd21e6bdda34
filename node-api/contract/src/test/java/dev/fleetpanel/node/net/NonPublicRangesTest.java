package dev.fleetpanel.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NonPublicRangesTest {

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, 0.0.0.0/8",
    "10.1.2.3, 10.0.0.0/8",
    "100.64.0.1, 100.64.0.0/10",
    "127.0.0.1, 127.0.0.0/8",
    "169.254.1.1, 169.254.0.0/16",
    "172.31.255.255, 172.16.0.0/12",
    "192.0.0.8, 192.0.0.0/24",
    "192.0.2.1, 192.0.2.0/24",
    "192.168.1.1, 192.168.0.0/16",
    "198.19.0.1, 198.18.0.0/15",
    "198.51.100.7, 198.51.100.0/24",
    "203.0.113.9, 203.0.113.0/24",
    "224.0.0.1, 224.0.0.0/4",
    "255.255.255.255, 240.0.0.0/4",
    "0.0.0.0/0, 0.0.0.0/8",
    "8.0.0.0/6, 10.0.0.0/8",
    "127.0.0.0/7, 127.0.0.0/8",
    "172.0.0.0/8, 172.16.0.0/12",
    "100.0.0.0/8, 100.64.0.0/10",
    "192.0.0.0/16, 192.0.0.0/24",
    "::, ::/128",
    "::1, ::1/128",
    "::ffff:8.8.8.8, ::ffff:0:0/96",
    "64:ff9b::8.8.8.8, 64:ff9b::/96",
    "64:ff9b:1::1, 64:ff9b:1::/48",
    "100::1, 100::/64",
    "2001::1, 2001::/23",
    "2001:db8::1, 2001:db8::/32",
    "3fff::1, 3fff::/20",
    "fd00::1, fc00::/7",
    "fe80::1, fe80::/10",
    "fec0::1, fec0::/10",
    "ff02::1, ff00::/8",
    "::/0, ::/128",
    "2000::/2, ::/128",
    "2000::/3, 2001::/23",
    "2001::/16, 2001::/23"
  })
  void inContainingOrOverlappingANonPublicRangeIsRefused(String entry, String range) {
    assertThat(NonPublicRanges.overlap(BlocklistEntry.parse(entry)))
        .hasValueSatisfying(description -> assertThat(description).startsWith(range + " ("));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "11.0.0.0/8",
        "9.255.255.255",
        "100.63.255.255",
        "100.128.0.0/9",
        "172.32.0.0/11",
        "198.20.0.0/14",
        "223.255.255.255",
        "128.0.0.0/3",
        "2a00:1450::/32",
        "2606:4700::1111",
        "2002::/16",
        "2001:200::/23"
      })
  void publicEntriesPass(String entry) {
    assertThat(NonPublicRanges.overlap(BlocklistEntry.parse(entry))).isEmpty();
  }

  @Test
  void ipv6OutsideGlobalUnicastIsReserved() {
    assertThat(NonPublicRanges.overlap(BlocklistEntry.parse("4000::1")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("2000::/3"));
    assertThat(NonPublicRanges.overlap(BlocklistEntry.parse("1000::/4")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("2000::/3"));
  }

  @Test
  void cidrsAreCheckedToo() {
    assertThat(NonPublicRanges.overlap(Cidr.parse("10.9.0.0/16"))).isPresent();
    assertThat(NonPublicRanges.overlap(Cidr.parse("fe80::/64"))).isPresent();
    assertThat(NonPublicRanges.overlap(Cidr.parse("1.0.0.0/24"))).isEmpty();
  }
}
