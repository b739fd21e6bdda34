package dev.fleetpanel.node.agent.metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code /etc/passwd} into uid → user name. Comments, blank lines, NIS {@code +}/{@code -}
 * entries and lines without a numeric uid are skipped; when a uid appears twice the first name
 * wins, as in {@code getpwuid}. Pure.
 */
public final class PasswdParser {
  private PasswdParser() {}

  public static Map<Integer, String> parse(String text) {
    return parse(text.lines().toList());
  }

  public static Map<Integer, String> parse(List<String> lines) {
    Map<Integer, String> users = new HashMap<>();
    for (String line : lines) {
      String[] f = line.split(":", -1);
      if (f.length < 3
          || f[0].isBlank()
          || f[0].startsWith("#")
          || f[0].startsWith("+")
          || f[0].startsWith("-")) {
        continue;
      }
      try {
        users.putIfAbsent(Integer.parseInt(f[2].trim()), f[0].trim());
      } catch (NumberFormatException e) {
        // not a user line
      }
    }
    return Collections.unmodifiableMap(users);
  }
}
