package dev.fleetpanel.node.agent.metrics;

/**
 * Connection-tracking table usage: {@code nf_conntrack_count} entries in use now (a gauge, not a
 * cumulative counter) out of {@code nf_conntrack_max}.
 */
public record ConntrackCounts(long count, long max) {

  /**
   * {@code count} as a percentage of {@code max}, 0..100 (above 100 only if the kernel says so); 0
   * when max is 0.
   */
  public double fillPercent() {
    return max <= 0 ? 0 : count * 100.0 / max;
  }
}
