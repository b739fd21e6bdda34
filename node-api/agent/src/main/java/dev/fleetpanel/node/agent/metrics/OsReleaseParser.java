package dev.fleetpanel.node.agent.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code os-release(5)} files. Pure: text in, value out.
 *
 * <p>Each line is a shell-style {@code KEY=value} assignment. Values may be double-quoted
 * (backslash escapes {@code $ " \ `}), single-quoted (taken literally) or bare (backslash escapes
 * any character). Comments, blank lines, lines without {@code =} and lines with an unclosed quote
 * are skipped; the first assignment of a key wins.
 */
public final class OsReleaseParser {
  private OsReleaseParser() {}

  /** The operating system's display name: {@code PRETTY_NAME}, else {@code NAME VERSION_ID}. */
  public static Optional<String> prettyName(String text) {
    Map<String, String> values = parse(text);
    String pretty = values.getOrDefault("PRETTY_NAME", "");
    if (!pretty.isBlank()) {
      return Optional.of(pretty.strip());
    }
    String name = values.getOrDefault("NAME", "").strip();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String version = values.getOrDefault("VERSION_ID", "").strip();
    return Optional.of(version.isEmpty() ? name : name + " " + version);
  }

  /** All assignments in the file, unquoted. */
  public static Map<String, String> parse(String text) {
    Map<String, String> values = new HashMap<>();
    if (text == null) {
      return values;
    }
    text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .forEach(line -> assignment(line, values));
    return values;
  }

  private static void assignment(String line, Map<String, String> values) {
    int equals = line.indexOf('=');
    if (equals <= 0) {
      return;
    }
    String key = line.substring(0, equals);
    if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return;
    }
    unquote(line.substring(equals + 1)).ifPresent(value -> values.putIfAbsent(key, value));
  }

  /** The shell word at the start of {@code raw}, or empty when a quote is left open. */
  static Optional<String> unquote(String raw) {
    StringBuilder value = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          value.append(c);
        }
      } else if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(i + 1);
        if (quote == '"' && "$\"\\`".indexOf(next) < 0) {
          value.append(c);
        } else {
          value.append(next);
          i++;
        }
      } else if (c == '"' || (c == '\'' && quote == 0)) {
        quote = quote == c ? 0 : c;
      } else if (quote == 0 && Character.isWhitespace(c)) {
        break;
      } else {
        value.append(c);
      }
    }
    return quote == 0 ? Optional.of(value.toString()) : Optional.empty();
  }
}
