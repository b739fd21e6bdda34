package dev.fleetpanel.node.agent.metrics;

/**
 * One process as read at one instant: what {@link ProcessSampler} compares across two samples.
 *
 * @param pid the process id
 * @param startTime clock ticks after boot at which it started; a pid with another start time is
 *     another process
 * @param name the command name
 * @param user the owner's user name, the numeric uid when it has no passwd entry, or empty
 * @param state the one-letter kernel state, e.g. {@code R}
 * @param cpuTicks user plus kernel clock ticks used since the process started
 * @param rssBytes resident memory in bytes
 */
public record ProcessSample(
    int pid, long startTime, String name, String user, char state, long cpuTicks, long rssBytes) {

  /** The state as psutil names it ({@code running}, {@code sleeping}, {@code disk-sleep}, ...). */
  public String status() {
    return switch (state) {
      case 'R' -> "running";
      case 'S' -> "sleeping";
      case 'D' -> "disk-sleep";
      case 'T' -> "stopped";
      case 't' -> "tracing-stop";
      case 'Z' -> "zombie";
      case 'X', 'x' -> "dead";
      case 'K' -> "wake-kill";
      case 'W' -> "waking";
      case 'P' -> "parked";
      case 'I' -> "idle";
      default -> "unknown";
    };
  }
}
