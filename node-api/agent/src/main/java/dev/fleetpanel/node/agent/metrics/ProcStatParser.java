package dev.fleetpanel.node.agent.metrics;

import java.util.Optional;

/**
 * Parses the single line of {@code /proc/[pid]/stat}. The command name sits between the first
 * {@code (} and the <em>last</em> {@code )}, since it may itself contain spaces and parentheses
 * (e.g. {@code (sd-pam) x)}); the numbered fields are counted from that last parenthesis. Empty,
 * truncated or non-numeric input gives empty. Pure.
 */
public final class ProcStatParser {
  // Positions after the command name: field 3 (state) is index 0, so field n is index n - 3.
  private static final int UTIME = 14 - 3;
  private static final int STIME = 15 - 3;
  private static final int STARTTIME = 22 - 3;
  private static final int RSS = 24 - 3;

  private ProcStatParser() {}

  public static Optional<ProcStat> parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 1 || close < open) {
      return Optional.empty();
    }
    String[] rest = line.substring(close + 1).trim().split("\\s+");
    if (rest.length <= RSS || rest[0].length() != 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ProcStat(
              Integer.parseInt(line.substring(0, open).trim()),
              line.substring(open + 1, close),
              rest[0].charAt(0),
              Long.parseLong(rest[UTIME]),
              Long.parseLong(rest[STIME]),
              Long.parseLong(rest[STARTTIME]),
              Math.max(0, Long.parseLong(rest[RSS]))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
