package dev.fleetpanel.node.agent.firewall;

/**
 * The original direction's addresses of a {@code conntrack -L} line, for example {@code tcp 6
 * 431999 ESTABLISHED src=198.51.100.7 dst=203.0.113.1 sport=39888 dport=443 src=203.0.113.1
 * dst=198.51.100.7 sport=443 dport=39888 [ASSURED] mark=0 use=1}: the first {@code src=} and the
 * first {@code dst=}. The reply direction repeats them swapped (unless NAT changed one).
 */
public final class ConntrackFlowParser {

  /** A flow's original source and destination. */
  public record Flow(String source, String destination) {}

  private ConntrackFlowParser() {}

  /** The flow, or null for a line without both addresses (the summary line, garbage). */
  public static Flow parse(String line) {
    String source = value(line, " src=");
    String destination = value(line, " dst=");
    return source == null || destination == null ? null : new Flow(source, destination);
  }

  private static String value(String line, String key) {
    int at = line.indexOf(key);
    if (at < 0) {
      return null;
    }
    int start = at + key.length();
    int end = line.indexOf(' ', start);
    String value = end < 0 ? line.substring(start) : line.substring(start, end);
    return value.isEmpty() ? null : value;
  }
}
