package dev.fleetpanel.panel.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.net.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIpTest {
  private static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1"));
  private static final String PROXY = "10.0.0.1";

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() {
    assertThat(ClientIp.resolve("203.0.113.5", "198.51.100.7", PROXIES)).isEqualTo("203.0.113.5");
  }

  @Test
  void forwardedForIsIgnoredWhenNoProxyIsTrusted() {
    assertThat(ClientIp.resolve(PROXY, "198.51.100.7", List.of())).isEqualTo(PROXY);
  }

  @Test
  void missingOrBlankForwardedForMeansThePeer() {
    assertThat(ClientIp.resolve(PROXY, null, PROXIES)).isEqualTo(PROXY);
    assertThat(ClientIp.resolve(PROXY, "  ", PROXIES)).isEqualTo(PROXY);
  }

  @Test
  void trustedPeerPassesOnTheForwardedClient() {
    assertThat(ClientIp.resolve(PROXY, " 198.51.100.7 ", PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void rightMostUntrustedHopWinsSoASpoofedLeftEntryIsIgnored() {
    String xff = "6.6.6.6, 198.51.100.7, 10.20.0.2";

    assertThat(ClientIp.resolve(PROXY, xff, PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void garbageLeftOfTheRealClientDoesNotMatter() {
    assertThat(ClientIp.resolve(PROXY, "<script>, 198.51.100.7", PROXIES))
        .isEqualTo("198.51.100.7");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown",
        "198.51.100.7, evil.example.com",
        "198.51.100.7:4711",
        "198.51.100.7, ",
        "999.1.1.1",
        "1.2.3",
        "' OR 1=1 --"
      })
  void garbageInTheDecidingHopFallsBackToThePeer(String xff) {
    assertThat(ClientIp.resolve(PROXY, xff, PROXIES)).isEqualTo(PROXY);
  }

  @Test
  void ipv6ClientBehindIpv6ProxyIsNormalised() {
    assertThat(ClientIp.resolve("0:0:0:0:0:0:0:1", "2001:DB8::42", PROXIES))
        .isEqualTo("2001:db8:0:0:0:0:0:42");
    assertThat(ClientIp.resolve("::1", "[2001:db8::42]", PROXIES))
        .isEqualTo("2001:db8:0:0:0:0:0:42");
  }

  @Test
  void ipv4ClientBehindIpv6Proxy() {
    assertThat(ClientIp.resolve("::1", "198.51.100.7", PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void ipv6HopsAreCheckedAgainstTrustedNetworks() {
    List<Cidr> proxies = List.of(Cidr.parse("2001:db8:ff::/48"));

    assertThat(ClientIp.resolve("2001:db8:ff::1", "2001:db8:1::9, 2001:db8:ff::2", proxies))
        .isEqualTo("2001:db8:1:0:0:0:0:9");
  }
}
