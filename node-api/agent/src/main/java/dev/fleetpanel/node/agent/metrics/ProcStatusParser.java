package dev.fleetpanel.node.agent.metrics;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Parses {@code /proc/[pid]/status}: {@code Name}, the real uid of {@code Uid} and {@code VmRSS}
 * (kB, converted to bytes). Missing or garbled lines leave their field empty. Pure.
 */
public final class ProcStatusParser {
  private ProcStatusParser() {}

  public static ProcStatus parse(String text) {
    return parse(text.lines().toList());
  }

  public static ProcStatus parse(List<String> lines) {
    String name = "";
    OptionalInt uid = OptionalInt.empty();
    OptionalLong rss = OptionalLong.empty();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      String[] values = line.substring(colon + 1).trim().split("\\s+");
      try {
        switch (key) {
          case "Name" -> name = line.substring(colon + 1).trim();
          case "Uid" -> uid = OptionalInt.of(Integer.parseInt(values[0]));
          case "VmRSS" -> rss = OptionalLong.of(Long.parseLong(values[0]) * 1024);
          default -> {}
        }
      } catch (NumberFormatException e) {
        // a garbled line leaves its field empty
      }
    }
    return new ProcStatus(name, uid, rss);
  }
}
