package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.net.NonPublicRanges;
import dev.fleetpanel.node.net.NonPublicRanges.Range;
import dev.fleetpanel.panel.blocklist.list.ListParser.Problem;
import dev.fleetpanel.panel.platform.i18n.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies the lines of one list, one at a time, from a buffer its caller reuses (see {@link
 * ListParser} for what a line may be), and collects the accepted networks. Memory stays bounded
 * whatever the duplicates: after each {@code maxEntries} accepted lines the collected networks are
 * merged, and if the merged intervals alone pass the limit the list is refused at once (a list has
 * at least as many entries as intervals).
 */
final class LineParser {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ListParser.Limits limits;
  private final NetworkListBuilder builder = NetworkList.builder();
  private final EntryParser first = new EntryParser();
  private final EntryParser second = new EntryParser();
  private final ByteChars window = new ByteChars();
  private final List<Problem> problems = new ArrayList<>();
  private int lines;
  private int accepted;
  private int garbage;
  private int refused;
  private int sinceCompaction;

  /** The current line and its trimmed extent, for the text of a problem. */
  private byte[] bytes;

  private int textStart;
  private int textEnd;

  LineParser(ListParser.Limits limits) {
    this.limits = limits;
  }

  /** One line without its {@code \n}: {@code length} bytes kept, more dropped if overlong. */
  void line(byte[] line, int length, boolean overlong) throws ListParser.TooLargeException {
    lines++;
    bytes = line;
    int start = lines == 1 && startsWith(line, length, BOM) ? BOM.length : 0;
    start = skipSpace(line, start, length);
    int end = trimEnd(line, start, length);
    textStart = start;
    textEnd = end;
    if (isComment(line, start, end)) {
      return;
    }
    if (overlong) {
      garbage(Text.of("blocklist.why.line_long", String.valueOf(ListParser.MAX_LINE)));
      return;
    }
    end = trimEnd(line, start, commentStart(line, start, end));
    if (start == end) {
      return;
    }
    int dash = indexOf(line, '-', start, end);
    int slash = indexOf(line, '/', start, end);
    if (dash >= 0) {
      range(start, dash, end, slash >= 0);
    } else if (slash >= 0
        && indexOf(line, '.', slash, end) >= 0
        && indexOf(line, ':', start, end) < 0) {
      netmask(start, slash, end);
    } else if (first.parse(window.set(line, start, end))) {
      accept(first.ipv6(), first.hi(), first.lo(), first.prefix());
    } else {
      garbage(entryFailure(first));
    }
  }

  ListParser.Parsed finish(long bytesRead) throws ListParser.TooLargeException {
    NetworkList list = builder.build();
    if (list.size() > limits.maxEntries()) {
      throw ListParser.TooLargeException.entries(limits.maxEntries());
    }
    return new ListParser.Parsed(list, lines, accepted, garbage, refused, problems, bytesRead);
  }

  private void range(int start, int dash, int end, boolean hasPrefix)
      throws ListParser.TooLargeException {
    if (hasPrefix) {
      garbage(Text.of("blocklist.why.range_prefix"));
    } else if (!first.parse(window.set(bytes, start, dash))) {
      garbage(Text.of("blocklist.why.range_start", entryFailure(first)));
    } else if (!second.parse(window.set(bytes, dash + 1, end))) {
      garbage(Text.of("blocklist.why.range_end", entryFailure(second)));
    } else if (first.ipv6() != second.ipv6()) {
      garbage(Text.of("blocklist.why.range_family"));
    } else if (Blocks.compare(first.hi(), first.lo(), second.hi(), second.lo()) > 0) {
      garbage(Text.of("blocklist.why.range_backwards"));
    } else if (!first.ipv6()) {
      Optional<Range> nonPublic = RangeCheck.nonPublicIpv4(first.lo(), second.lo());
      if (nonPublic.isPresent()) {
        refuse(nonPublic.get());
      } else {
        builder.addIpv4Range(first.lo(), second.lo());
        counted();
      }
    } else {
      Optional<Range> nonPublic =
          RangeCheck.nonPublicIpv6(first.hi(), first.lo(), second.hi(), second.lo());
      if (nonPublic.isPresent()) {
        refuse(nonPublic.get());
      } else {
        builder.addIpv6Range(first.hi(), first.lo(), second.hi(), second.lo());
        counted();
      }
    }
  }

  /** {@code address/255.255.255.0}: an IPv4 network whose prefix is given as a netmask. */
  private void netmask(int start, int slash, int end) throws ListParser.TooLargeException {
    if (!first.parse(window.set(bytes, start, slash))) {
      garbage(entryFailure(first));
    } else if (!second.parse(window.set(bytes, slash + 1, end)) || second.prefix() != 32) {
      garbage(Text.of("blocklist.why.netmask"));
    } else {
      long mask = second.lo();
      long hostBits = ~mask & Blocks.IPV4_MAX;
      if ((hostBits & (hostBits + 1)) != 0) {
        garbage(Text.of("blocklist.why.netmask_gaps"));
      } else {
        accept(false, 0, first.lo() & mask, Long.bitCount(mask));
      }
    }
  }

  private void accept(boolean ipv6, long hi, long lo, int prefix)
      throws ListParser.TooLargeException {
    Optional<Range> nonPublic =
        ipv6 ? NonPublicRanges.rangeIpv6(hi, lo, prefix) : NonPublicRanges.rangeIpv4(lo, prefix);
    if (nonPublic.isPresent()) {
      refuse(nonPublic.get());
      return;
    }
    if (ipv6) {
      builder.addIpv6(hi, lo, prefix);
    } else {
      builder.addIpv4(lo, prefix);
    }
    counted();
  }

  private void counted() throws ListParser.TooLargeException {
    accepted++;
    if (++sinceCompaction > limits.maxEntries()) {
      sinceCompaction = 0;
      if (builder.compact() > limits.maxEntries()) {
        throw ListParser.TooLargeException.entries(limits.maxEntries());
      }
    }
  }

  private void garbage(Text why) {
    if (garbage++ < limits.maxProblems()) {
      problems.add(new Problem(lines, text(), why, Problem.Kind.GARBAGE));
    }
  }

  private void refuse(Range range) {
    if (refused++ < limits.maxProblems()) {
      problems.add(new Problem(lines, text(), ProblemTexts.overlaps(range), Problem.Kind.REFUSED));
    }
  }

  private static Text entryFailure(EntryParser parser) {
    EntryParser.Failure failure = parser.failure();
    return Text.of(
        "blocklist.why." + failure.name().toLowerCase(Locale.ROOT), parser.ipv6() ? "128" : "32");
  }

  /** The trimmed line, cut at {@link ListParser#TEXT_SHOWN} bytes on a character boundary. */
  private String text() {
    int length = textEnd - textStart;
    if (length <= ListParser.TEXT_SHOWN) {
      return new String(bytes, textStart, length, StandardCharsets.UTF_8);
    }
    int cut = textStart + ListParser.TEXT_SHOWN;
    while (cut > textStart && (bytes[cut] & 0xC0) == 0x80) {
      cut--;
    }
    return new String(bytes, textStart, cut - textStart, StandardCharsets.UTF_8) + "…";
  }

  private static boolean isComment(byte[] b, int start, int end) {
    return start < end
        && (b[start] == '#'
            || b[start] == ';'
            || (b[start] == '/' && start + 1 < end && b[start + 1] == '/'));
  }

  /** Where a comment after an entry starts, or {@code end}. */
  private static int commentStart(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (b[i] == '#' || b[i] == ';' || (b[i] == '/' && i + 1 < end && b[i + 1] == '/')) {
        return i;
      }
    }
    return end;
  }

  private static boolean startsWith(byte[] b, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpace(byte[] b, int start, int end) {
    while (start < end && (b[start] & 0xFF) <= ' ') {
      start++;
    }
    return start;
  }

  private static int trimEnd(byte[] b, int start, int end) {
    while (end > start && (b[end - 1] & 0xFF) <= ' ') {
      end--;
    }
    return end;
  }

  private static int indexOf(byte[] b, char c, int start, int end) {
    for (int i = start; i < end; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
