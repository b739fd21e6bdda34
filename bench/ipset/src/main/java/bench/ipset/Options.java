package bench.ipset;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The driver's command line: {@code --name value} pairs. */
record Options(Path jar, Path work, int entries, int deltas, String java, String javaOptions) {

  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    if (!values.containsKey("jar") || !values.containsKey("work")) {
      throw new IllegalArgumentException(
          "usage: IpsetBench --jar AGENT_JAR --work DIR [--entries N] [--deltas N] [--java PATH]"
              + " [--java-opts OPTIONS]");
    }
    return new Options(
        Path.of(values.get("jar")),
        Path.of(values.get("work")),
        Integer.parseInt(values.getOrDefault("entries", "1000000")),
        Integer.parseInt(values.getOrDefault("deltas", "10")),
        values.getOrDefault("java", "java"),
        values.getOrDefault("java-opts", IpsetBench.AGENT_OPTIONS));
  }
}
