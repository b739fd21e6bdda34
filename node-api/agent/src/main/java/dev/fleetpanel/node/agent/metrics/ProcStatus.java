package dev.fleetpanel.node.agent.metrics;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The fields of {@code /proc/[pid]/status} the process section needs.
 *
 * @param name the {@code Name:} line, empty string when absent
 * @param realUid the first (real) uid of the {@code Uid:} line
 * @param vmRssBytes the {@code VmRSS:} line converted from kB to bytes; absent for kernel threads
 */
public record ProcStatus(String name, OptionalInt realUid, OptionalLong vmRssBytes) {}
