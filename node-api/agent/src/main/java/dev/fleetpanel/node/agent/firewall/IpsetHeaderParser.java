package dev.fleetpanel.node.agent.firewall;

import java.util.Optional;

/**
 * Parses {@code ipset list -terse <set>} (LC_ALL=C):
 *
 * <pre>
 * Name: blocklist_permanent
 * Type: hash:net
 * Revision: 7
 * Header: family inet hashsize 4096 maxelem 1000000 bucketsize 12 initval 0x1d2a6c3b
 * Size in memory: 520
 * References: 2
 * Number of entries: 0
 * </pre>
 */
public final class IpsetHeaderParser {

  private IpsetHeaderParser() {}

  /** The header, or empty when the text is not one (garbage, truncated). */
  public static Optional<IpsetHeader> parse(String text) {
    String name = null;
    String type = null;
    String family = null;
    int maxElements = -1;
    int timeout = 0;
    int references = -1;
    long entries = -1;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      try {
        switch (key) {
          case "Name" -> name = value;
          case "Type" -> type = value;
          case "References" -> references = Integer.parseInt(value);
          case "Number of entries" -> entries = Long.parseLong(value);
          case "Header" -> {
            String[] words = value.split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
              switch (words[i]) {
                case "family" -> family = words[i + 1];
                case "maxelem" -> maxElements = Integer.parseInt(words[i + 1]);
                case "timeout" -> timeout = Integer.parseInt(words[i + 1]);
                default -> {}
              }
            }
          }
          default -> {}
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (name == null || type == null || family == null || maxElements < 0 || entries < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new IpsetHeader(
            name, type, family, maxElements, timeout, Math.max(references, 0), entries));
  }
}
