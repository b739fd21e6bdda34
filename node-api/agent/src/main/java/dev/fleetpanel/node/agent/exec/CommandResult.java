package dev.fleetpanel.node.agent.exec;

import java.util.List;

/**
 * How a command ended.
 *
 * @param argv the command's argument list (without the runner's prefix)
 * @param exitCode the exit status; -1 when it was killed at its deadline
 * @param stdout the captured output (empty when it went to a sink), at most 1 MiB
 * @param stderr the captured errors, at most 64 KiB
 */
public record CommandResult(
    List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut, long millis) {

  public boolean ok() {
    return exitCode == 0 && !timedOut;
  }

  /** {@code "ipset restore: exit 1: <first line of stderr>"}, for logs and error answers. */
  public String describe() {
    String name =
        argv.size() > 1 && !argv.get(1).startsWith("-")
            ? argv.get(0) + " " + argv.get(1)
            : argv.get(0);
    if (timedOut) {
      return name + ": timed out after " + millis + " ms";
    }
    String detail = stderr.strip();
    int newline = detail.indexOf('\n');
    detail = newline < 0 ? detail : detail.substring(0, newline);
    return name + ": exit " + exitCode + (detail.isEmpty() ? "" : ": " + detail);
  }
}
