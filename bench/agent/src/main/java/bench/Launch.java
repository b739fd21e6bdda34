package bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How one agent is started: the {@code java} binary, its options and extra environment. A lever is
 * one of these.
 *
 * @param name short label in the tables
 * @param jlink whether {@code java} is the bench's jlink runtime rather than the JDK's
 */
record Launch(
    String name,
    Path java,
    boolean jlink,
    List<String> options,
    Map<String, String> env,
    boolean cds) {

  /** A launch of the JDK's {@code java} with these options, no extra environment, no AppCDS. */
  static Launch of(String name, Path java, List<String> options) {
    return new Launch(name, java, false, List.copyOf(options), Map.of(), false);
  }

  /** The same launch under another name with more options after the existing ones. */
  Launch plus(String newName, List<String> more) {
    return new Launch(
        newName, java, jlink, Stream.concat(options.stream(), more.stream()).toList(), env, cds);
  }

  /** The same launch under another name with more environment. */
  Launch withEnv(String newName, Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(env);
    merged.putAll(more);
    return new Launch(newName, java, jlink, options, Map.copyOf(merged), cds);
  }

  /** The same options on another runtime. */
  Launch on(String newName, Path otherJava, boolean otherIsJlink) {
    return new Launch(newName, otherJava, otherIsJlink, options, env, cds);
  }

  /**
   * The same launch with an AppCDS archive of the agent's classes (made by a training run, {@link
   * AgentUnderTest#start}).
   */
  Launch withCds(String newName) {
    return new Launch(newName, java, jlink, options, env, true);
  }

  /** Environment, runtime and options as a reader would type them. */
  String describe() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(env)
        .forEach((key, value) -> text.append(key).append('=').append(value).append(' '));
    if (jlink) {
      text.append("(jlink runtime) ");
    }
    text.append(options.isEmpty() ? "(JVM defaults)" : String.join(" ", options));
    if (cds) {
      text.append(" + AppCDS");
    }
    return text.toString();
  }
}
