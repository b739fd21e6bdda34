package dev.fleetpanel.node.agent.metrics;

import java.util.OptionalDouble;

/**
 * CPU clock of cpu0 in MHz (sysfs reports kHz; the contract's {@code frequency} uses MHz).
 *
 * @param currentMhz the current clock ({@code scaling_cur_freq}, else the {@code cpu MHz} average)
 * @param minMhz the hardware minimum ({@code cpuinfo_min_freq}), when cpufreq exposes it
 * @param maxMhz the hardware maximum ({@code cpuinfo_max_freq}), when cpufreq exposes it
 */
public record CpuFrequency(double currentMhz, OptionalDouble minMhz, OptionalDouble maxMhz) {}
