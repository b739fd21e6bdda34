package bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs from the command line, with defaults at the point of use. */
final class Options {

  private final Map<String, String> values = new HashMap<>();

  Options(List<String> args) {
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (!name.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --name value pairs, got " + name);
      }
      values.put(name.substring(2), args.get(i + 1));
    }
  }

  String text(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  Path path(String name) {
    return Path.of(text(name));
  }

  int number(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)));
  }

  /** A whitespace-separated list (JVM options; none of ours contains a space). */
  List<String> words(String name, String fallback) {
    String value = text(name, fallback).strip();
    return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
  }
}
