package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.TcpStatesParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class UdpCountParserTest {

  @Test
  void countsSocketLinesOfUdpAndUdp6() throws Exception {
    assertThat(UdpCountParser.count(fixture("tcp/udp"))).isEqualTo(4);
    assertThat(UdpCountParser.count(new ByteArrayInputStream(fixture("tcp/udp6")))).isEqualTo(2);
  }

  @Test
  void headerOnlyEmptyAndGarbageLinesAreNotSockets() throws Exception {
    assertThat(UdpCountParser.count(fixture("tcp/empty"))).isZero();
    assertThat(UdpCountParser.count(fixture("tcp/header-only"))).isZero();
    assertThat(UdpCountParser.count(fixture("tcp/garbage"))).isEqualTo(3);
  }
}
