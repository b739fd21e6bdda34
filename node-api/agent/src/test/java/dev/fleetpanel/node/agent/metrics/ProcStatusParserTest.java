package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatusParserTest {

  @Test
  void readsNameRealUidAndRssInBytes() {
    assertThat(ProcStatusParser.parse(ProcFixtures.text("proc/status-bash.txt")))
        .isEqualTo(new ProcStatus("bash", OptionalInt.of(1000), OptionalLong.of(5208L * 1024)));
  }

  @Test
  void theRealUidIsTheFirstOfTheFour() {
    ProcStatus status = ProcStatusParser.parse("Name:\tsudo\nUid:\t1000\t0\t0\t0\n");

    assertThat(status.realUid()).hasValue(1000);
  }

  @Test
  void aKernelThreadHasNoRss() {
    ProcStatus status = ProcStatusParser.parse(ProcFixtures.text("proc/status-kthread.txt"));

    assertThat(status.name()).isEqualTo("kworker/0:1-events");
    assertThat(status.realUid()).hasValue(0);
    assertThat(status.vmRssBytes()).isEmpty();
  }

  @Test
  void garbageOrEmptyInputLeavesFieldsEmpty() {
    ProcStatus empty = new ProcStatus("", OptionalInt.empty(), OptionalLong.empty());

    assertThat(ProcStatusParser.parse(ProcFixtures.text("proc/status-garbage.txt")))
        .isEqualTo(empty);
    assertThat(ProcStatusParser.parse("")).isEqualTo(empty);
    assertThat(ProcStatusParser.parse("Uid:\nVmRSS:\n")).isEqualTo(empty);
  }
}
