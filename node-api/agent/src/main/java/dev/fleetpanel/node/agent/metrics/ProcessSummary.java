package dev.fleetpanel.node.agent.metrics;

import java.util.List;

/**
 * The processes section: counts and the top lists.
 *
 * @param total all processes in the later sample, kernel threads included
 * @param running processes in state {@code R}
 * @param sleeping processes in state {@code S} (interruptible sleep; {@code D} and {@code I} are
 *     not counted, as with psutil's {@code sleeping})
 * @param topByCpu at most {@link ProcessSampler#TOP}, highest CPU first, ties by ascending pid
 * @param topByMemory at most {@link ProcessSampler#TOP}, largest RSS first, ties by ascending pid
 */
public record ProcessSummary(
    int total,
    int running,
    int sleeping,
    List<ProcessInfo> topByCpu,
    List<ProcessInfo> topByMemory) {
  public static final ProcessSummary EMPTY = new ProcessSummary(0, 0, 0, List.of(), List.of());

  public ProcessSummary {
    topByCpu = List.copyOf(topByCpu);
    topByMemory = List.copyOf(topByMemory);
  }
}
