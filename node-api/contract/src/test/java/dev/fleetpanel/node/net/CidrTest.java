package dev.fleetpanel.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByAddress(Cidr.literal(literal));
  }

  @Test
  void networkIsMaskedToItsPrefix() {
    Cidr cidr = Cidr.parse(" 10.1.2.3/8 ");

    assertThat(cidr).isEqualTo(Cidr.parse("10.0.0.0/8"));
    assertThat(cidr).hasSameHashCodeAs(Cidr.parse("10.0.0.0/8"));
    assertThat(cidr.toString()).isEqualTo("10.0.0.0/8");
  }

  @Test
  void plainAddressIsASingleHostNetwork() throws Exception {
    Cidr v4 = Cidr.parse("192.168.1.1");
    Cidr v6 = Cidr.parse("2001:db8::1");

    assertThat(v4.prefix()).isEqualTo(32);
    assertThat(v4.contains(ip("192.168.1.1"))).isTrue();
    assertThat(v4.contains(ip("192.168.1.2"))).isFalse();
    assertThat(v6.prefix()).isEqualTo(128);
    assertThat(v6.contains(ip("2001:db8:0:0:0:0:0:1"))).isTrue();
    assertThat(v6.contains(ip("2001:db8::2"))).isFalse();
  }

  @Test
  void ipv4NetworkContainsOnlyItsAddresses() throws Exception {
    Cidr cidr = Cidr.parse("172.16.0.0/12");

    assertThat(cidr.contains(ip("172.16.0.1"))).isTrue();
    assertThat(cidr.contains(ip("172.31.255.255"))).isTrue();
    assertThat(cidr.contains(ip("172.32.0.0"))).isFalse();
    assertThat(cidr.contains(ip("172.15.255.255"))).isFalse();
  }

  @Test
  void ipv6NetworkContainsOnlyItsAddresses() throws Exception {
    Cidr cidr = Cidr.parse("2001:db8::/32");

    assertThat(cidr.contains(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(cidr.contains(ip("2001:db9::1"))).isFalse();
    assertThat(cidr.toString()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
  }

  @Test
  void networksNeverMatchTheOtherAddressFamily() throws Exception {
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
    assertThat(Cidr.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    assertThat(Cidr.parse("::/0").contains(ip("2001:db8::9"))).isTrue();
  }

  @Test
  void bracketedIpv6LiteralIsAccepted() {
    assertThat(Cidr.literal("[::1]")).hasSize(16);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "proxy.example.com",
        "1.2.3",
        "256.0.0.1",
        "1.2.3.4.5",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/x",
        "10.0.0.0/",
        "/8",
        "::/129",
        "1::2::3",
        "fe80::1%eth0",
        ""
      })
  void hostNamesAndMalformedNetworksAreRejected(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {".:1", "::1::", "1:2:3:4:5:6:7:8:9", "g::1", "1::2::3", "::ffff:999.0.0.1", ":"})
  void textThatOnlyLooksLikeIpv6IsRefusedWithoutANameLookup(String text) {
    org.assertj.core.api.Assertions.assertThat(Cidr.isIpv6(text)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cidr.literal(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"::", "::1", "2001:db8::", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "fe80::1:2"})
  void wellFormedIpv6LiteralsAreAccepted(String text) {
    org.assertj.core.api.Assertions.assertThat(Cidr.isIpv6(text)).isTrue();
  }
}
