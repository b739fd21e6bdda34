package dev.fleetpanel.node.agent.metrics;

import java.util.List;

/**
 * All processes read at one instant.
 *
 * @param takenAtNanos a monotonic timestamp ({@link System#nanoTime()}) of the read, used only for
 *     the elapsed time between two snapshots
 * @param memTotalBytes {@code MemTotal} of {@code /proc/meminfo} in bytes, 0 when unknown
 * @param processes the processes, in no particular order
 */
public record ProcessSnapshot(
    long takenAtNanos, long memTotalBytes, List<ProcessSample> processes) {
  public ProcessSnapshot {
    processes = List.copyOf(processes);
  }
}
