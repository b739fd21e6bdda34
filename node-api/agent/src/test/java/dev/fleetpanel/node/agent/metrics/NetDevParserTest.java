package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetDevParserTest {

  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs"
          + " drop fifo colls carrier compressed\n";

  @Test
  void readsEveryInterfaceOfARealisticFileInOrder() throws Exception {
    List<NetDevCounters> counters = NetDevParser.parse(fixture("network/dev"));

    assertThat(counters)
        .extracting(NetDevCounters::name)
        .containsExactly(
            "lo", "eth0", "ens3", "docker0", "veth1234", "wg0", "bond0", "eth1", "eth2");
    assertThat(counters.get(1))
        .isEqualTo(
            new NetDevCounters(
                "eth0", 987654321012L, 812345678, 3, 17, 123456789012L, 456789012, 0, 2));
  }

  @Test
  void readsNamesGluedToTheirFirstCounter() throws Exception {
    NetDevCounters veth = NetDevParser.parse(fixture("network/dev")).get(4);

    assertThat(veth)
        .isEqualTo(new NetDevCounters("veth1234", 146800640, 204800, 0, 0, 73400320, 102400, 0, 0));
  }

  @Test
  void readsCountersAsUnsigned64Bit() {
    String text =
        HEADER + "  eth0: 18446744073709551615 1 0 0 0 0 0 0 9223372036854775808 2 0 0 0 0 0 0\n";

    NetDevCounters eth0 = NetDevParser.parse(text).get(0);

    assertThat(Long.toUnsignedString(eth0.rxBytes())).isEqualTo("18446744073709551615");
    assertThat(Long.toUnsignedString(eth0.txBytes())).isEqualTo("9223372036854775808");
  }

  @Test
  void emptyFileAndHeaderOnlyGiveNoInterface() {
    assertThat(NetDevParser.parse("")).isEmpty();
    assertThat(NetDevParser.parse(HEADER)).isEmpty();
  }

  @Test
  void skipsGarbageAndATruncatedLastLine() {
    String text =
        HEADER
            + "  eth0: 100 2 0 0 0 0 0 0 200 3 0 0 0 0 0 0\n"
            + "no colon here 1 2 3\n"
            + "  eth9: 1 2 3\n"
            + "  eth8: 1 2 x 0 0 0 0 0 1 2 0 0 0 0 0 0\n"
            + "  eth7: -1 2 0 0 0 0 0 0 1 2 0 0 0 0 0 0\n"
            + "eth0:1: 1 2 0 0 0 0 0 0 1 2 0 0 0 0 0 0\n"
            + "../etc: 1 2 0 0 0 0 0 0 1 2 0 0 0 0 0 0\n"
            + "a/b: 1 2 0 0 0 0 0 0 1 2 0 0 0 0 0 0\n"
            + "   : 1 2 0 0 0 0 0 0 1 2 0 0 0 0 0 0\n"
            + "  eth0: 999 9 0 0 0 0 0 0 999 9 0 0 0 0 0 0\n"
            + "  ens3: 5 6 0 0 0 0 0 0 7 8 0 0 0 0 0 0\n"
            + "  ens4: 5 6 0 0 0 0 0 0 7 8 0";

    assertThat(NetDevParser.parse(text))
        .containsExactly(
            new NetDevCounters("eth0", 100, 2, 0, 0, 200, 3, 0, 0),
            new NetDevCounters("ens3", 5, 6, 0, 0, 7, 8, 0, 0));
  }

  static String fixture(String name) throws IOException, URISyntaxException {
    return Files.readString(
        Path.of(NetDevParserTest.class.getResource("/fixtures/" + name).toURI()));
  }
}
