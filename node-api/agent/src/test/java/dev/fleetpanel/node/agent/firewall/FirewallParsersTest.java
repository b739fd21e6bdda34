package dev.fleetpanel.node.agent.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Parsers on the tools' real output (ipset 7.17, conntrack 1.4.7, iproute2 6.1), and on garbage.
 */
class FirewallParsersTest {

  private static final String HEADER =
      """
      Name: blocklist_temp
      Type: hash:net
      Revision: 7
      Header: family inet hashsize 4096 maxelem 1000000 timeout 600 bucketsize 12 initval 0x1d2a6c3b
      Size in memory: 520
      References: 2
      Number of entries: 17
      """;

  @Test
  void ipsetHeader() {
    IpsetHeader header = IpsetHeaderParser.parse(HEADER).orElseThrow();

    assertThat(header)
        .isEqualTo(new IpsetHeader("blocklist_temp", "hash:net", "inet", 1_000_000, 600, 2, 17));
    assertThat(
            IpsetHeaderParser.parse(HEADER.replace(" timeout 600", "").replace("inet ", "inet6 "))
                .orElseThrow())
        .extracting(IpsetHeader::family, IpsetHeader::timeout)
        .containsExactly("inet6", 0);
  }

  @Test
  void ipsetHeaderGarbageOrTruncatedIsEmpty() {
    assertThat(IpsetHeaderParser.parse("")).isEmpty();
    assertThat(IpsetHeaderParser.parse("garbage\n:::\n")).isEmpty();
    assertThat(IpsetHeaderParser.parse(HEADER.substring(0, HEADER.indexOf("Size")))).isEmpty();
    assertThat(IpsetHeaderParser.parse(HEADER.replace("17", "seventeen"))).isEmpty();
  }

  @Test
  void ipsetSaveMembers() {
    assertThat(IpsetSaveParser.member("add blocklist_temp 11.4.4.4 timeout 597"))
        .isEqualTo("11.4.4.4");
    assertThat(IpsetSaveParser.member("add blocklist_permanent_v6 2a0b::/32"))
        .isEqualTo("2a0b::/32");
    assertThat(IpsetSaveParser.member("create blocklist_temp hash:net family inet")).isNull();
    assertThat(IpsetSaveParser.member("add nothing")).isNull();
    assertThat(IpsetSaveParser.member("")).isNull();
  }

  @Test
  void conntrackFlows() {
    ConntrackFlowParser.Flow flow =
        ConntrackFlowParser.parse(
            "tcp      6 431999 ESTABLISHED src=11.0.0.2 dst=11.0.0.1 sport=39888 dport=7000"
                + " src=11.0.0.1 dst=11.0.0.2 sport=7000 dport=39888 [ASSURED] mark=0 use=1");

    assertThat(flow).isEqualTo(new ConntrackFlowParser.Flow("11.0.0.2", "11.0.0.1"));
    assertThat(
            ConntrackFlowParser.parse(
                "udp      17 29 src=2a0b::2 dst=2a0b::1 sport=5353 dport=53 [UNREPLIED] src=2a0b::1"
                    + " dst=2a0b::2 sport=53 dport=5353 mark=0 use=1"))
        .isEqualTo(new ConntrackFlowParser.Flow("2a0b::2", "2a0b::1"));
    assertThat(ConntrackFlowParser.parse("conntrack v1.4.7 (conntrack-tools): 2 flow entries"))
        .isNull();
    assertThat(ConntrackFlowParser.parse("tcp 6 src= dst=1.2.3.4")).isNull();
  }

  @Test
  void ownAddresses() {
    String output =
        """
        1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
        1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever
        2: eth0    inet 11.0.0.1/29 brd 11.0.0.7 scope global eth0\\       valid_lft forever
        2: eth0    inet6 2a0b:fb00:1::1/64 scope global nodad \\       valid_lft forever
        garbage line
        """;

    assertThat(IpAddrParser.addresses(output))
        .containsExactly("127.0.0.1", "::1", "11.0.0.1", "2a0b:fb00:1::1");
    assertThat(IpAddrParser.addresses("")).isEmpty();
  }
}
