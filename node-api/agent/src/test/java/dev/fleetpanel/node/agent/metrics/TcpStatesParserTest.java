package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TcpStatesParserTest {

  /** One cycle of 20 sockets: the generated file repeats it. */
  private static final String[] CYCLE = {
    "01", "01", "01", "01", "01", "01", "01", "0A", "0A", "06",
    "06", "06", "08", "02", "03", "04", "05", "07", "09", "0B"
  };

  @Test
  void countsEveryIpv4StateWithCloseLastAckAndClosingAsOther() throws Exception {
    TcpStateCounts counts = TcpStatesParser.parse(fixture("tcp/tcp"));

    assertThat(counts).isEqualTo(new TcpStateCounts(4, 3, 2, 1, 1, 1, 2, 3));
    assertThat(counts.total()).isEqualTo(17);
  }

  @Test
  void countsIpv6Sockets() throws Exception {
    TcpStateCounts counts = TcpStatesParser.parse(fixture("tcp/tcp6"));

    assertThat(counts).isEqualTo(new TcpStateCounts(2, 2, 1, 1, 0, 0, 1, 2));
    assertThat(counts.total()).isEqualTo(9);
  }

  @Test
  void emptyAndHeaderOnlyFilesHaveNoSocket() throws Exception {
    assertThat(TcpStatesParser.parse(fixture("tcp/empty"))).isEqualTo(TcpStateCounts.EMPTY);
    assertThat(TcpStatesParser.parse(fixture("tcp/header-only"))).isEqualTo(TcpStateCounts.EMPTY);
    assertThat(TcpStatesParser.parse(new byte[0])).isEqualTo(TcpStateCounts.EMPTY);
  }

  @Test
  void skipsATruncatedLastLine() throws Exception {
    assertThat(TcpStatesParser.parse(fixture("tcp/truncated")))
        .isEqualTo(new TcpStateCounts(1, 3, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void countsACompleteLastLineWithoutNewline() {
    byte[] data =
        "   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1"
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(TcpStatesParser.parse(data).listen()).isEqualTo(1);
  }

  @Test
  void skipsGarbageLinesAndAcceptsTabsAndCrlf() throws Exception {
    assertThat(TcpStatesParser.parse(fixture("tcp/garbage")))
        .isEqualTo(new TcpStateCounts(1, 2, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void acceptsLowercaseHex() {
    byte[] data =
        "   0: 0100007f:0016 00000000:0000 0a 00000000:00000000 00:00000000 00000000 0 0 1 1\n"
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(TcpStatesParser.parse(data).listen()).isEqualTo(1);
  }

  @Test
  void aStreamReadInTinyChunksGivesTheSameCounts() throws Exception {
    for (String name : new String[] {"tcp/tcp", "tcp/tcp6", "tcp/garbage", "tcp/truncated"}) {
      byte[] data = fixture(name);
      try (InputStream in = new TrickleInputStream(data, 7)) {
        assertThat(TcpStatesParser.parse(in)).as(name).isEqualTo(TcpStatesParser.parse(data));
      }
    }
  }

  @Test
  void countsEachStateOfAGeneratedFileOf100000Sockets() throws Exception {
    byte[] data = generated(100_000);

    TcpStateCounts counts = TcpStatesParser.parse(new ByteArrayInputStream(data));

    assertThat(counts)
        .isEqualTo(new TcpStateCounts(35_000, 10_000, 15_000, 5_000, 5_000, 5_000, 10_000, 15_000));
    assertThat(counts.total()).isEqualTo(100_000);
    assertThat(TcpStatesParser.parse(data)).isEqualTo(counts);
  }

  /**
   * A {@code /proc/net/tcp} of {@code sockets} lines padded to 149 columns as the kernel does,
   * states taken in turn from {@link #CYCLE}.
   */
  static byte[] generated(int sockets) {
    StringBuilder text = new StringBuilder(151 * (sockets + 1));
    appendPadded(
        text,
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
            + " inode");
    for (int i = 0; i < sockets; i++) {
      String sl = String.valueOf(i);
      String port = Integer.toHexString(0x1000 + i % 0xE000).toUpperCase();
      appendPadded(
          text,
          " ".repeat(Math.max(0, 4 - sl.length()))
              + sl
              + ": 0500000A:"
              + port
              + " 077100CB:01BB "
              + CYCLE[i % CYCLE.length]
              + " 00000000:00000000 00:00000000 00000000  1000        0 "
              + (100_000 + i)
              + " 1 0000000000000000 20 4 30 10 7");
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void appendPadded(StringBuilder text, String line) {
    text.append(line).append(" ".repeat(Math.max(0, 149 - line.length()))).append('\n');
  }

  static byte[] fixture(String name) throws IOException, URISyntaxException {
    return Files.readAllBytes(
        Path.of(TcpStatesParserTest.class.getResource("/fixtures/" + name).toURI()));
  }

  /** Returns at most {@code chunk} bytes per read, as a slow pipe would. */
  static final class TrickleInputStream extends FilterInputStream {
    private final int chunk;

    TrickleInputStream(byte[] data, int chunk) {
      super(new ByteArrayInputStream(data));
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
