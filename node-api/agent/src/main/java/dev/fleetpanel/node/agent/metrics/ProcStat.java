package dev.fleetpanel.node.agent.metrics;

/**
 * The fields of {@code /proc/[pid]/stat} the process section needs. Times are in clock ticks
 * ({@code USER_HZ}, normally 100 per second); {@code startTime} is ticks after boot and, with the
 * pid, identifies a process across samples (a reused pid has a different start time).
 *
 * @param pid the process id
 * @param comm the command name (at most 15 bytes, may contain spaces and parentheses)
 * @param state the one-letter state, e.g. {@code R}, {@code S}, {@code D}, {@code Z}, {@code I}
 * @param utime ticks spent in user mode
 * @param stime ticks spent in kernel mode
 * @param startTime ticks after boot at which the process started
 * @param rssPages resident set size in pages
 */
public record ProcStat(
    int pid, String comm, char state, long utime, long stime, long startTime, long rssPages) {

  /** User plus kernel ticks: the CPU time the process has used so far. */
  public long cpuTicks() {
    return utime + stime;
  }
}
