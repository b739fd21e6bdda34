package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuInfoParserTest {

  @Test
  void twoSocketXeonCountsThreadsAndDistinctCores() {
    CpuInfo info = CpuInfoParser.parse(text("cpu/cpuinfo-2socket.txt")).orElseThrow();

    assertThat(info.model()).contains("Intel(R) Xeon(R) CPU E5-2637 v4 @ 3.50GHz");
    assertThat(info.logicalCores()).isEqualTo(16);
    assertThat(info.physicalCores()).isEqualTo(8);
    assertThat(info.averageMhz().getAsDouble()).isCloseTo(2666.7578125, within(1e-9));
  }

  @Test
  void arm64WithoutTopologyOrModelFallsBackToLogicalCores() {
    CpuInfo info = CpuInfoParser.parse(text("cpu/cpuinfo-arm64.txt")).orElseThrow();

    assertThat(info.model()).isEmpty();
    assertThat(info.logicalCores()).isEqualTo(2);
    assertThat(info.physicalCores()).isEqualTo(2);
    assertThat(info.averageMhz()).isEmpty();
  }

  @Test
  void oldArmKernelNamesTheModelInProcessorLine() {
    String text =
        "Processor\t: ARMv7 Processor rev 4 (v7l)\nprocessor\t: 0\nBogoMIPS\t: 38.40\n\n"
            + "Hardware\t: BCM2835\n";

    assertThat(CpuInfoParser.parse(text).orElseThrow().model())
        .contains("ARMv7 Processor rev 4 (v7l)");
  }

  @Test
  void emptyInputHasNoInfo() {
    assertThat(CpuInfoParser.parse(text("cpu/empty.txt"))).isEmpty();
    assertThat(CpuInfoParser.parse((String) null)).isEmpty();
    assertThat(CpuInfoParser.parse("model name\t: no processor line\n")).isEmpty();
  }

  @Test
  void truncatedBlockCountsItsProcessorButNotItsCutOffMhz() {
    CpuInfo info = CpuInfoParser.parse(text("cpu/cpuinfo-truncated.txt")).orElseThrow();

    assertThat(info.logicalCores()).isEqualTo(2);
    assertThat(info.physicalCores()).isEqualTo(2);
    assertThat(info.averageMhz()).hasValue(3500.0);
  }

  @Test
  void garbageLinesAreSkipped() {
    CpuInfo info = CpuInfoParser.parse(text("cpu/cpuinfo-garbage.txt")).orElseThrow();

    assertThat(info.model()).contains("QEMU Virtual CPU version 2.5+");
    assertThat(info.logicalCores()).isEqualTo(3);
    assertThat(info.physicalCores()).isEqualTo(3);
    assertThat(info.averageMhz().getAsDouble()).isCloseTo(2200.0, within(1e-9));
  }

  @Test
  void cpufreqKilohertzBecomeMegahertz() {
    assertThat(CpuInfoParser.parseKhzAsMhz("2394532\n")).hasValue(2394.532);
    assertThat(CpuInfoParser.parseKhzAsMhz("<unknown>\n")).isEmpty();
    assertThat(CpuInfoParser.parseKhzAsMhz("0\n")).isEmpty();
    assertThat(CpuInfoParser.parseKhzAsMhz("")).isEmpty();
  }
}
