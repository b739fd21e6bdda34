package dev.fleetpanel.node.agent.metrics;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code /proc/cpuinfo} says about the processors.
 *
 * @param model the processor model name, when the architecture reports one (x86 does, most ARM64
 *     kernels do not)
 * @param logicalCores processors the kernel lists (hardware threads), at least 1
 * @param physicalCores distinct (physical id, core id) pairs, or {@code logicalCores} when the
 *     kernel does not report topology for every processor (ARM, many VMs)
 * @param averageMhz the mean of the {@code cpu MHz} lines in MHz, when present
 */
public record CpuInfo(
    Optional<String> model, int logicalCores, int physicalCores, OptionalDouble averageMhz) {}
