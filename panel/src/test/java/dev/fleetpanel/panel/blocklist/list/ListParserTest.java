package dev.fleetpanel.panel.blocklist.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.panel.blocklist.list.ListParser.Limits;
import dev.fleetpanel.panel.blocklist.list.ListParser.Parsed;
import dev.fleetpanel.panel.blocklist.list.ListParser.Problem;
import dev.fleetpanel.panel.blocklist.list.ListParser.Problem.Kind;
import dev.fleetpanel.panel.blocklist.list.ListParser.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class ListParserTest {

  static Parsed parse(String text) throws IOException {
    return ListParser.parse(text, Limits.DEFAULT);
  }

  static List<String> entries(Parsed parsed) {
    return NetworkListTest.entries(parsed.list());
  }

  static List<String> problems(Parsed parsed) {
    return parsed.problems().stream()
        .map(p -> p.line() + " " + p.kind() + " " + p.text() + " | " + p.reason())
        .toList();
  }

  @Test
  void commentsBlankLinesAndWhiteSpaceAreIgnored() throws IOException {
    Parsed parsed =
        parse(
            "# a comment\n"
                + "; another\n"
                + "// and another\n"
                + "\n"
                + "   \t\n"
                + "  11.2.3.4  \n"
                + "\t11.2.3.5\t# after an entry\n"
                + "11.2.3.8/30 ; SBL1\n"
                + "11.2.3.16/28 // why\n"
                + "11.2.3.32#no space\n");
    assertThat(entries(parsed))
        .containsExactly("11.2.3.4/31", "11.2.3.8/30", "11.2.3.16/28", "11.2.3.32");
    assertThat(parsed.lines()).isEqualTo(10);
    assertThat(parsed.accepted()).isEqualTo(5);
    assertThat(parsed.garbage()).isZero();
    assertThat(parsed.refused()).isZero();
    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void byteOrderMarkAndWindowsLineEndsAreIgnored() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "11.2.3.4\r\n2a00::1\r\n\r\n# end\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(text, 0, all, bom.length, text.length);
    Parsed parsed = ListParser.parse(new ByteArrayInputStream(all), Limits.DEFAULT);
    assertThat(entries(parsed)).containsExactly("11.2.3.4", "2a00::1");
    assertThat(parsed.lines()).isEqualTo(4);
    assertThat(parsed.bytes()).isEqualTo(all.length);
    // The same through pasted text, and a mark anywhere else is garbage.
    assertThat(entries(parse("\uFEFF11.2.3.4\r\n"))).containsExactly("11.2.3.4");
    assertThat(parse("11.2.3.4\n\uFEFF11.2.3.5\n").garbage()).isEqualTo(1);
  }

  @Test
  void addressesNetworksRangesAndNetmasksAreAccepted() throws IOException {
    Parsed parsed =
        parse(
            "11.0.0.1-11.0.0.6\n"
                + "12.1.0.0 - 12.1.0.255\n"
                + "13.0.0.0/255.255.0.0\n"
                + "14.1.2.3/255.255.255.255\n"
                + "15.9.9.9/8\n"
                + "2a00:1450::/32\n"
                + "2A01:0::0001\n"
                + "2a02::1 - 2a02::ff\n"
                + "2a03::/255.255.0.0\n"
                + "::ffff:1.2.3.4/200\n");
    assertThat(entries(parsed))
        .containsExactly(
            "11.0.0.1",
            "11.0.0.2/31",
            "11.0.0.4/31",
            "11.0.0.6",
            "12.1.0.0/24",
            "13.0.0.0/16",
            "14.1.2.3",
            "15.0.0.0/8",
            "2a00:1450::/32",
            "2a01::1",
            "2a02::1",
            "2a02::2/127",
            "2a02::4/126",
            "2a02::8/125",
            "2a02::10/124",
            "2a02::20/123",
            "2a02::40/122",
            "2a02::80/121");
    assertThat(parsed.accepted()).isEqualTo(8);
    assertThat(problems(parsed))
        .containsExactly(
            "9 GARBAGE 2a03::/255.255.0.0 | prefix length must be 0-128",
            "10 GARBAGE ::ffff:1.2.3.4/200 | prefix length must be 0-128");
  }

  @Test
  void garbageIsReportedWithItsLineAndTheRestIsUsed() throws IOException {
    Parsed parsed =
        parse(
            "11.1.1.1\n"
                + "example.com\n"
                + "010.1.1.1\n"
                + "11.2.3.256\n"
                + "11.2.3.4/33\n"
                + "11.0.0.0/255.0.255.0\n"
                + "11.2.3.4 11.2.3.5\n"
                + "11.1.1.9-11.1.1.1\n"
                + "11.1.1.1-2a00::1\n"
                + "11.1.1.0/24-11.1.2.0\n"
                + "-\n"
                + "11.1.1.1 -\n"
                + "münchen.de\n"
                + "[2a00::1]\n"
                + "11.1.1.2\n");
    assertThat(entries(parsed)).containsExactly("11.1.1.1", "11.1.1.2");
    assertThat(parsed.garbage()).isEqualTo(13);
    assertThat(problems(parsed))
        .containsExactly(
            "2 GARBAGE example.com | not an IPv4 address or network",
            "3 GARBAGE 010.1.1.1 | not an IPv4 address or network",
            "4 GARBAGE 11.2.3.256 | not an IPv4 address or network",
            "5 GARBAGE 11.2.3.4/33 | prefix length must be 0-32",
            "6 GARBAGE 11.0.0.0/255.0.255.0 | the netmask is not contiguous",
            "7 GARBAGE 11.2.3.4 11.2.3.5 | not an IPv4 address or network",
            "8 GARBAGE 11.1.1.9-11.1.1.1 | the range ends before it starts",
            "9 GARBAGE 11.1.1.1-2a00::1 | the ends of a range must be of one family",
            "10 GARBAGE 11.1.1.0/24-11.1.2.0 | the ends of a range must be addresses, without /prefix",
            "11 GARBAGE - | range start: empty",
            "12 GARBAGE 11.1.1.1 - | range end: empty",
            "13 GARBAGE münchen.de | not an IPv4 address or network",
            "14 GARBAGE [2a00::1] | not an IPv6 address or network");
  }

  @Test
  void nonPublicNetworksAreRefusedOneByOneWithTheirReason() throws IOException {
    Parsed parsed =
        parse(
            "11.1.1.1\n"
                + "10.0.0.1\n"
                + "127.0.0.1 # loopback\n"
                + "0.0.0.0/0\n"
                + "8.0.0.0/6\n"
                + "9.255.255.250-10.0.0.5\n"
                + "0.0.0.0/255.0.0.0\n"
                + "fe80::1\n"
                + "2001:db7:ffff::-2001:db8::1\n"
                + "::/0\n"
                + "11.1.1.2\n");
    assertThat(entries(parsed)).containsExactly("11.1.1.1", "11.1.1.2");
    assertThat(parsed.refused()).isEqualTo(9);
    assertThat(parsed.accepted()).isEqualTo(2);
    assertThat(problems(parsed))
        .containsExactly(
            "2 REFUSED 10.0.0.1 | non_public: overlaps 10.0.0.0/8 (private network)",
            "3 REFUSED 127.0.0.1 # loopback | non_public: overlaps 127.0.0.0/8 (loopback)",
            "4 REFUSED 0.0.0.0/0 | non_public: overlaps 0.0.0.0/8 (this network)",
            "5 REFUSED 8.0.0.0/6 | non_public: overlaps 10.0.0.0/8 (private network)",
            "6 REFUSED 9.255.255.250-10.0.0.5 | non_public: overlaps 10.0.0.0/8 (private network)",
            "7 REFUSED 0.0.0.0/255.0.0.0 | non_public: overlaps 0.0.0.0/8 (this network)",
            "8 REFUSED fe80::1 | non_public: overlaps fe80::/10 (link-local)",
            "9 REFUSED 2001:db7:ffff::-2001:db8::1 | non_public: overlaps 2001:db8::/32 (documentation)",
            "10 REFUSED ::/0 | non_public: overlaps ::/128 (unspecified address)");
  }

  @Test
  void onlyTheFirstProblemsOfEachKindAreListed() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      text.append("junk").append(i).append('\n').append("127.0.0.").append(i).append('\n');
    }
    Parsed parsed = parse(text.toString());
    assertThat(parsed.garbage()).isEqualTo(150);
    assertThat(parsed.refused()).isEqualTo(150);
    assertThat(parsed.problems()).hasSize(200);
    assertThat(parsed.problems().stream().filter(p -> p.kind() == Kind.GARBAGE)).hasSize(100);
    assertThat(parsed.problems().get(199).line()).isEqualTo(200);
    Parsed none = ListParser.parse(text.toString(), new Limits(10, 1 << 20, 0));
    assertThat(none.problems()).isEmpty();
    assertThat(none.garbage()).isEqualTo(150);
  }

  @Test
  void longLinesAreGarbageUnlessTheyAreComments() throws IOException {
    String longComment = "# " + "x".repeat(5000);
    String longJunk = "ü".repeat(3000);
    Parsed parsed = parse(longComment + "\n" + longJunk + "\n11.1.1.1\n" + "1".repeat(60) + "\n");
    assertThat(entries(parsed)).containsExactly("11.1.1.1");
    assertThat(parsed.lines()).isEqualTo(4);
    Problem tooLong = parsed.problems().get(0);
    assertThat(tooLong.line()).isEqualTo(2);
    assertThat(tooLong.reason()).isEqualTo("longer than 1024 bytes");
    assertThat(tooLong.text()).isEqualTo("ü".repeat(50) + "…");
    assertThat(parsed.problems().get(1).reason()).isEqualTo("too long for an address or network");
  }

  @Test
  void emptyInputAndALastLineWithoutItsNewline() throws IOException {
    Parsed empty = parse("");
    assertThat(empty.list()).isEqualTo(NetworkList.EMPTY);
    assertThat(empty.lines()).isZero();
    Parsed last = parse("11.1.1.1\n11.1.1.3");
    assertThat(entries(last)).containsExactly("11.1.1.1", "11.1.1.3");
    assertThat(last.lines()).isEqualTo(2);
  }

  @Test
  void realisticListsParse() throws IOException {
    Parsed firehol = fixture("firehol-style.netset");
    assertThat(entries(firehol))
        .containsExactly(
            "1.10.16.0/20",
            "1.19.0.0/16",
            "5.8.37.0/24",
            "23.235.32.0/20",
            "45.14.0.0/21",
            "185.12.0.0/23",
            "193.46.255.0/24");
    assertThat(firehol.refused()).isEqualTo(8);
    assertThat(firehol.problems())
        .extracting(Problem::text)
        .containsExactly(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "224.0.0.0/3");
    Parsed drop = fixture("drop-style.txt");
    assertThat(entries(drop))
        .containsExactly(
            "1.10.16.0/20",
            "2.56.192.0/22",
            "2.57.232.0/22",
            "5.42.199.0/24",
            "31.24.81.0/24",
            "2a06:e480::/29",
            "2a0e:4c0::/29");
    assertThat(drop.problems()).isEmpty();
  }

  static Parsed fixture(String name) throws IOException {
    try (InputStream in = ListParserTest.class.getResourceAsStream("/blocklist/" + name)) {
      assertThat(in).as(name).isNotNull();
      return ListParser.parse(in, Limits.DEFAULT);
    }
  }

  @Test
  void linesSplitAcrossReadsAreWhole() throws IOException {
    StringBuilder text = new StringBuilder("# trickle\r\n");
    for (int i = 0; i < 3000; i++) {
      text.append("11.").append(i % 7).append('.').append(i % 251).append(".0/24 # ").append(i);
      text.append(i % 3 == 0 ? "\r\n" : "\n");
      text.append(i % 500 == 0 ? "x".repeat(2000) + "\n" : "");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    Parsed whole = ListParser.parse(new ByteArrayInputStream(bytes), Limits.DEFAULT);
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          private int next;

          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1 + next++ % 7));
          }
        };
    Parsed trickled = ListParser.parse(trickle, Limits.DEFAULT);
    assertThat(trickled.list()).isEqualTo(whole.list());
    assertThat(trickled.lines()).isEqualTo(whole.lines()).isEqualTo(3007);
    assertThat(trickled.garbage()).isEqualTo(whole.garbage()).isEqualTo(6);
    assertThat(trickled.accepted()).isEqualTo(3000);
  }

  @Test
  void aStreamWithoutALengthStopsAtTheByteLimit() {
    Endless endless = new Endless(i -> "11.1." + (i >> 8 & 255) + "." + (i & 255) + "\n");
    assertThatThrownBy(() -> ListParser.parse(endless, new Limits(1_000_000, 1 << 20)))
        .isInstanceOfSatisfying(
            TooLargeException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(TooLargeException.Limit.BYTES);
              assertThat(e.value()).isEqualTo(1 << 20);
            })
        .hasMessage("the list is larger than 1,048,576 bytes; reading stopped there");
    assertThat(endless.given).isBetween(1L << 20, (1L << 20) + 64 * 1024);
  }

  @Test
  void aListAtTheByteLimitIsRead() throws IOException {
    String text = "11.1.1.1\n11.1.1.2\n";
    assertThat(ListParser.parse(text, new Limits(10, text.length())).list().size()).isEqualTo(2);
    assertThatThrownBy(() -> ListParser.parse(text, new Limits(10, text.length() - 1)))
        .isInstanceOf(TooLargeException.class);
  }

  @Test
  void theEntryLimitCountsTheMergedList() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      text.append("11.1.1.").append(2 * i).append('\n');
    }
    assertThatThrownBy(() -> ListParser.parse(text.toString(), new Limits(10, 1 << 20)))
        .isInstanceOfSatisfying(
            TooLargeException.class,
            e -> assertThat(e.limit()).isEqualTo(TooLargeException.Limit.ENTRIES))
        .hasMessage("the list has more than 10 entries after merging");
    // Many more lines than the limit, but they merge into few entries.
    StringBuilder merging = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      merging.append("11.1.1.").append(i % 256).append('\n');
    }
    Parsed parsed = ListParser.parse(merging.toString(), new Limits(10, 1 << 20));
    assertThat(entries(parsed)).containsExactly("11.1.1.0/24");
    assertThat(parsed.accepted()).isEqualTo(1000);
    // One range can be many entries.
    assertThatThrownBy(() -> ListParser.parse("11.0.0.1-11.255.255.254\n", new Limits(10, 1 << 20)))
        .isInstanceOf(TooLargeException.class);
  }

  @Test
  void anEndlessListOfDistinctEntriesIsRefusedEarly() {
    Endless endless =
        new Endless(
            i -> "11." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255 & ~1) + "\n");
    assertThatThrownBy(() -> ListParser.parse(endless, new Limits(1000, Long.MAX_VALUE)))
        .isInstanceOf(TooLargeException.class);
    // Checked after every 1,000 accepted lines, so it stops within a few buffers.
    assertThat(endless.given).isLessThan(200_000);
  }

  /** A stream of generated lines that never ends, as a download without a length. */
  static final class Endless extends InputStream {
    private final IntFunction<String> line;
    private byte[] current = new byte[0];
    private int at;
    private int lines;
    long given;

    Endless(IntFunction<String> line) {
      this.line = line;
    }

    @Override
    public int read() {
      if (at == current.length) {
        current = line.apply(lines++).getBytes(StandardCharsets.US_ASCII);
        at = 0;
      }
      given++;
      return current[at++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }
}
