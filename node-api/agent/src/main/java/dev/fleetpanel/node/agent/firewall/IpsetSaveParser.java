package dev.fleetpanel.node.agent.firewall;

/**
 * Reads the member out of an {@code ipset save} line, {@code add <set> <entry> [timeout N] ...}:
 * the entry's text, or null for any other line (the {@code create} line, blank, garbage).
 */
public final class IpsetSaveParser {

  private IpsetSaveParser() {}

  public static String member(String line) {
    if (!line.startsWith("add ")) {
      return null;
    }
    int set = line.indexOf(' ', 4);
    if (set < 0) {
      return null;
    }
    int end = line.indexOf(' ', set + 1);
    String entry = end < 0 ? line.substring(set + 1) : line.substring(set + 1, end);
    return entry.isEmpty() ? null : entry;
  }
}
