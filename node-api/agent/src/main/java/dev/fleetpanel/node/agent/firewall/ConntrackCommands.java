package dev.fleetpanel.node.agent.firewall;

import java.util.List;

/**
 * {@code conntrack} (conntrack-tools) argument lists and batch lines. Deleting with a network
 * ({@code -D -s 203.0.113.0/24}) is supported since 1.4.6; a batch ({@code -R}) runs many deletions
 * in one process and exits 0 even when a line matched nothing, where a single {@code -D} that
 * deletes nothing exits 1 ("0 flow entries have been deleted").
 */
public final class ConntrackCommands {

  private ConntrackCommands() {}

  /** The connection table of one family, a flow per line on standard output. */
  public static List<String> list(boolean ipv6) {
    return List.of("conntrack", "-L", "-f", ipv6 ? "ipv6" : "ipv4");
  }

  /** Runs the {@code -D ...} lines read on standard input. */
  public static List<String> batch() {
    return List.of("conntrack", "-R", "/dev/stdin");
  }

  /** Deletes the flows whose original source is in {@code network}. */
  public static String deleteSource(boolean ipv6, CharSequence network) {
    return "-D -f " + (ipv6 ? "ipv6" : "ipv4") + " -s " + network;
  }

  /** Deletes the flows whose original destination is in {@code network}. */
  public static String deleteDestination(boolean ipv6, CharSequence network) {
    return "-D -f " + (ipv6 ? "ipv6" : "ipv4") + " -d " + network;
  }
}
