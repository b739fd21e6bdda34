package dev.fleetpanel.node.agent.metrics;

import java.util.List;
import java.util.OptionalInt;

/**
 * One read of the CPU counters in {@code /proc/stat}.
 *
 * <p>Counters are cumulative since boot, in ticks of {@code USER_HZ} (1/100 s on every Linux
 * architecture the agent supports). They grow while the host runs, but a reboot restarts them and
 * taking a CPU offline can move its idle time in {@link #total()} backwards, so a later sample can
 * be smaller than an earlier one. {@link CpuUsage} turns two samples into percentages.
 *
 * @param total the aggregate {@code cpu} line, summed by the kernel over all possible CPUs
 * @param cores the {@code cpuN} lines, ordered by CPU number; offline CPUs are absent
 * @param procsRunning runnable tasks ({@code procs_running}), when the kernel reports it
 * @param procsBlocked tasks waiting for I/O ({@code procs_blocked}), when the kernel reports it
 */
public record CpuTimes(
    Ticks total, List<Ticks> cores, OptionalInt procsRunning, OptionalInt procsBlocked) {

  public CpuTimes {
    cores = List.copyOf(cores);
  }

  /**
   * The tick counters of one {@code cpu} line. {@code guest} and {@code guest_nice} are left out:
   * the kernel already counts them in {@code user} and {@code nice}.
   *
   * @param cpu the CPU number, or {@link #AGGREGATE} for the {@code cpu} line
   */
  public record Ticks(
      int cpu,
      long user,
      long nice,
      long system,
      long idle,
      long iowait,
      long irq,
      long softirq,
      long steal) {

    /** The CPU number of the aggregate line. */
    public static final int AGGREGATE = -1;

    /** Ticks spent idle, waiting for I/O included (the CPU could have run something else). */
    public long idleTicks() {
      return idle + iowait;
    }

    /** Ticks spent running code: user, nice, system, irq, softirq and steal. */
    public long busyTicks() {
      return user + nice + system + irq + softirq + steal;
    }
  }
}
