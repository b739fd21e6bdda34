package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads {@code proc/cpuinfo} and cpu0's cpufreq files below the node root. */
public final class CpuInfoReader {
  private static final String CPUFREQ = "sys/devices/system/cpu/cpu0/cpufreq/";

  private final Path root;

  /** {@code root} is the host's filesystem root as the agent sees it, normally {@code /}. */
  public CpuInfoReader(Path root) {
    this.root = root;
  }

  /** The processor facts, or empty when the file is missing or lists no processor. */
  public Optional<CpuInfo> read() {
    return ProcFiles.read(root, "proc/cpuinfo").flatMap(CpuInfoParser::parse);
  }

  /**
   * cpu0's clock in MHz; the current value falls back to the {@code cpu MHz} average when cpufreq
   * is absent (common in VMs). Empty when neither source has a current value.
   */
  public Optional<CpuFrequency> readFrequency() {
    OptionalDouble current = khz("scaling_cur_freq");
    if (current.isEmpty()) {
      current = read().map(CpuInfo::averageMhz).orElse(OptionalDouble.empty());
    }
    if (current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CpuFrequency(current.getAsDouble(), khz("cpuinfo_min_freq"), khz("cpuinfo_max_freq")));
  }

  private OptionalDouble khz(String file) {
    return ProcFiles.read(root, CPUFREQ + file)
        .map(CpuInfoParser::parseKhzAsMhz)
        .orElse(OptionalDouble.empty());
  }
}
