package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM option sets compared, each built on the one before so a row shows what one lever adds.
 * The base is the systemd unit's own {@code ExecStart} options, read by {@code bin/bench} from
 * {@code node-api/agent/systemd/fleetpanel-node.service}.
 */
final class Levers {

  private final List<Launch> all = new ArrayList<>();

  /**
   * @param jlinkJava {@code bin/java} of the bench's jlink runtime, or null to leave that row out
   */
  Levers(Path jdkJava, Path jlinkJava, List<String> unitOptions) {
    Launch defaults = Launch.of("defaults", jdkJava, List.of());
    Launch unit = Launch.of("unit", jdkJava, unitOptions);
    Launch cds = unit.withCds("unit+cds");
    Launch small =
        Launch.of("small", jdkJava, smaller(unitOptions))
            .plus("small", List.of("-XX:ReservedCodeCacheSize=16m"))
            .withCds("small");
    // One C1 compiler thread instead of two: the agent's hot path is small, and each compiler
    // thread keeps its own arena of native memory.
    Launch c1one = small.plus("c1one", List.of("-XX:CICompilerCount=1"));
    // glibc gives each thread that mallocs its own arena; two arenas and a periodic trim hand the
    // JVM's freed native memory (TLS, class loading) back instead of keeping it resident.
    Launch malloc = c1one.withEnv("malloc", Map.of("MALLOC_ARENA_MAX", "2"));
    Launch trim = malloc.plus("trim", List.of("-XX:TrimNativeHeapInterval=5000"));
    all.addAll(List.of(defaults, unit, cds, small, c1one, malloc, trim));
    if (jlinkJava != null) {
      all.add(trim.on("jlink", jlinkJava, true));
    }
    // The floor without any compiled code, to show what the JIT costs in memory and saves in CPU.
    all.add(small.plus("interpreter", List.of("-Xint")));
  }

  List<Launch> all() {
    return List.copyOf(all);
  }

  /** The lever of that name, e.g. {@code unit}. */
  Launch named(String name) {
    return all.stream()
        .filter(launch -> launch.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no lever named " + name));
  }

  /** The unit's options with the heap capped at 16 MB instead. */
  private static List<String> smaller(List<String> unitOptions) {
    List<String> options = new ArrayList<>();
    for (String option : unitOptions) {
      if (!option.startsWith("-Xmx")) {
        options.add(option);
      }
    }
    options.add(0, "-Xmx16m");
    return options;
  }
}
