package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadAvgParserTest {

  @Test
  void readsThreeAveragesAndTaskCounts() {
    LoadAvg load = LoadAvgParser.parse(text("system/loadavg.txt")).orElseThrow();

    assertThat(load.one()).isEqualTo(0.52);
    assertThat(load.five()).isEqualTo(0.58);
    assertThat(load.fifteen()).isEqualTo(0.59);
    assertThat(load.runnableTasks()).hasValue(2);
    assertThat(load.totalTasks()).hasValue(1234);
  }

  @Test
  void missingLastPidIsTolerated() {
    LoadAvg load = LoadAvgParser.parse(text("system/loadavg-no-last-pid.txt")).orElseThrow();

    assertThat(load.one()).isEqualTo(12.08);
    assertThat(load.totalTasks()).hasValue(893);
  }

  @Test
  void malformedTaskFieldOnlyLeavesTheCountsEmpty() {
    LoadAvg load = LoadAvgParser.parse("1.00 2.00 3.00 x/12 99\n").orElseThrow();

    assertThat(load.fifteen()).isEqualTo(3.0);
    assertThat(load.runnableTasks()).isEmpty();
    assertThat(load.totalTasks()).isEmpty();
  }

  @Test
  void emptyTruncatedAndGarbageInputHaveNoLoad() {
    assertThat(LoadAvgParser.parse(text("system/empty.txt"))).isEmpty();
    assertThat(LoadAvgParser.parse(null)).isEmpty();
    assertThat(LoadAvgParser.parse(text("system/loadavg-truncated.txt"))).isEmpty();
    assertThat(LoadAvgParser.parse(text("system/loadavg-garbage.txt"))).isEmpty();
    assertThat(LoadAvgParser.parse("NaN 0x1p3 1e3 1/2 3\n")).isEmpty();
  }
}
