package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuInfoReaderTest {

  @Test
  void frequencyComesFromCpufreqInMegahertz() {
    CpuFrequency frequency = new CpuInfoReader(path("cpu/freq-root")).readFrequency().orElseThrow();

    assertThat(frequency.currentMhz()).isEqualTo(2394.532);
    assertThat(frequency.minMhz()).hasValue(800.0);
    assertThat(frequency.maxMhz()).hasValue(3500.0);
  }

  @Test
  void withoutCpufreqTheCurrentFrequencyIsTheCpuinfoAverage() {
    CpuFrequency frequency = new CpuInfoReader(path("root1")).readFrequency().orElseThrow();

    assertThat(frequency.currentMhz()).isEqualTo(2794.748);
    assertThat(frequency.minMhz()).isEmpty();
    assertThat(frequency.maxMhz()).isEmpty();
  }

  @Test
  void emptyRootHasNoFrequency(@TempDir Path empty) {
    assertThat(new CpuInfoReader(empty).readFrequency()).isEmpty();
    assertThat(new CpuInfoReader(empty).read()).isEmpty();
  }
}
