package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatParserTest {

  @Test
  void readsStateTimesStartAndRss() {
    assertThat(ProcStatParser.parse(ProcFixtures.text("proc/stat-bash.txt")))
        .contains(new ProcStat(4242, "bash", 'S', 152, 47, 1_834_520, 1302));
  }

  @Test
  void aCommandNameWithSpacesAndParenthesesEndsAtTheLastParenthesis() {
    ProcStat stat =
        ProcStatParser.parse(ProcFixtures.text("proc/stat-comm-parens.txt")).orElseThrow();

    assertThat(stat).isEqualTo(new ProcStat(1450, "(sd-pam) x)", 'S', 0, 3, 9012, 1190));
    assertThat(stat.cpuTicks()).isEqualTo(3);
  }

  @Test
  void readsAKernelThread() {
    assertThat(ProcStatParser.parse(ProcFixtures.text("proc/stat-kthread.txt")))
        .contains(new ProcStat(2301, "kworker/0:1-events", 'I', 0, 312, 48230, 0));
  }

  @Test
  void emptyTruncatedOrGarbageInputGivesEmpty() {
    assertThat(ProcStatParser.parse("")).isEmpty();
    assertThat(ProcStatParser.parse(ProcFixtures.text("proc/stat-truncated.txt"))).isEmpty();
    assertThat(ProcStatParser.parse(ProcFixtures.text("proc/stat-garbage.txt"))).isEmpty();
    assertThat(ProcStatParser.parse("(bash) S 1 2 3")).isEmpty();
    assertThat(
            ProcStatParser.parse(
                "12 (bash S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21"))
        .isEmpty();
    assertThat(ProcStatParser.parse("12 ) bash ( R")).isEmpty();
  }

  @Test
  void aNonNumericFieldGivesEmpty() {
    String line = ProcFixtures.text("proc/stat-bash.txt").replace(" 152 47 ", " 152 x ");

    assertThat(ProcStatParser.parse(line)).isEmpty();
  }
}
