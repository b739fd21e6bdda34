package dev.fleetpanel.panel.blocklist.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.blocklist.Refusal;
import dev.fleetpanel.node.net.NonPublicRanges;
import dev.fleetpanel.node.net.NonPublicRanges.Range;
import dev.fleetpanel.panel.blocklist.list.ListParser.Limits;
import dev.fleetpanel.panel.blocklist.list.ListParser.Parsed;
import dev.fleetpanel.panel.blocklist.list.ListParser.Problem;
import dev.fleetpanel.panel.platform.i18n.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Why a line was not taken, in English as the nodes say it and in Russian for the page. */
class ProblemTextsTest {
  private static final Locale RU = Locale.forLanguageTag("ru");

  private static List<Range> everyRange() {
    List<Range> all = new ArrayList<>(NonPublicRanges.IPV4);
    all.addAll(NonPublicRanges.IPV6);
    return all;
  }

  @Test
  void everyNonPublicRangeIsNamedInEnglishAsTheNodesNameItAndInRussian() {
    for (Range range : everyRange()) {
      String key = ProblemTexts.rangeKey(range);
      assertThat(Messages.find(Locale.ENGLISH, key)).as(key).hasValue(range.name());
      assertThat(Messages.find(RU, key)).as(key).isPresent();
    }
  }

  @Test
  void everyEntryFailureHasATextInBothLanguages() {
    for (EntryParser.Failure failure : EntryParser.Failure.values()) {
      String key = "blocklist.why." + failure.name().toLowerCase(Locale.ROOT);
      assertThat(Messages.find(Locale.ENGLISH, key)).as(key).isPresent();
      assertThat(Messages.find(RU, key)).as(key).isPresent();
    }
  }

  /** The panel's English reason for a refused line is, word for word, the node's refusal. */
  @Test
  void aRefusedLineReadsInEnglishAsTheNodeWouldRefuseIt() throws IOException {
    List<String> lines = new ArrayList<>();
    everyRange().forEach(r -> lines.add(r.network()));
    lines.add("4000::/2");
    Parsed parsed = ListParser.parse(String.join("\n", lines), Limits.DEFAULT);

    assertThat(parsed.problems()).hasSize(lines.size());
    for (Problem problem : parsed.problems()) {
      BlocklistEntry entry = BlocklistEntry.parse(problem.text());
      String node =
          Refusal.of(
                  problem.text(),
                  Refusal.NON_PUBLIC,
                  "overlaps " + NonPublicRanges.overlap(entry).orElseThrow())
              .reason();
      assertThat(problem.reason()).as(problem.text()).isEqualTo(node);
      assertThat(problem.why().localized(RU))
          .as(problem.text())
          .doesNotContain("??")
          .isNotEqualTo(problem.why().localized(Locale.ENGLISH));
    }
  }

  @Test
  void aGarbageLineSaysWhyInRussianPartByPart() throws IOException {
    Parsed parsed = ListParser.parse("11.1.1.1-zz\n11.2.3.4/33\n", Limits.DEFAULT);

    assertThat(parsed.problems().stream().map(p -> p.why().localized(RU)))
        .containsExactly(
            "конец диапазона: не IPv4-адрес и не IPv4-сеть",
            "длина префикса должна быть от 0 до 32");
    assertThat(parsed.problems().stream().map(Problem::reason))
        .containsExactly("range end: not an IPv4 address or network", "prefix length must be 0-32");
  }
}
