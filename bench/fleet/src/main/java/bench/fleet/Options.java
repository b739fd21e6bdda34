package bench.fleet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line, checked before anything touches the panel. */
record Options(
    URI panel,
    String password,
    int nodes,
    int firstPort,
    Map<Behaviour, Double> percents,
    long seed,
    int minutes,
    Duration rebootEvery,
    String prefix,
    int enrolThreads,
    Path statsFile,
    Path nodesFile,
    boolean cleanup) {

  static final String USAGE =
      """
      usage: java -jar fleet-sim.jar --panel URL --password PW --nodes N [--first-port 20000]
               [--hanging-percent 5] [--dead-percent 2] [--slow-percent 5] [--garbage-percent 1]
               [--reboot-percent 2] [--reboot-seconds 180] [--seed 42] [--minutes 0]
               [--prefix sim-<time>] [--enrol-threads 8] [--stats-file F] [--nodes-file F]
               [--cleanup]
      --password may be left out when FLEETPANEL_ADMIN_PASSWORD is set.""";

  private static final Set<String> FLAGS = Set.of("--cleanup");
  private static final Set<String> VALUED =
      Set.of(
          "--panel",
          "--password",
          "--nodes",
          "--first-port",
          "--hanging-percent",
          "--dead-percent",
          "--slow-percent",
          "--garbage-percent",
          "--reboot-percent",
          "--reboot-seconds",
          "--seed",
          "--minutes",
          "--prefix",
          "--enrol-threads",
          "--stats-file",
          "--nodes-file");

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static Options parse(String[] args, Map<String, String> env) {
    Map<String, String> given = read(args);
    String password = given.getOrDefault("--password", env.get("FLEETPANEL_ADMIN_PASSWORD"));
    if (!given.containsKey("--panel") || password == null || !given.containsKey("--nodes")) {
      throw new IllegalArgumentException("--panel, --password and --nodes are required");
    }
    int nodes = integer(given, "--nodes", 0, 1, 20_000);
    int firstPort = integer(given, "--first-port", 20_000, 1024, 65_535);
    if (firstPort + nodes - 1 > 65_535) {
      throw new IllegalArgumentException("--first-port + --nodes goes past port 65535");
    }
    Map<Behaviour, Double> percents = new EnumMap<>(Behaviour.class);
    percents.put(Behaviour.HANGING, percent(given, "--hanging-percent", 5));
    percents.put(Behaviour.DEAD, percent(given, "--dead-percent", 2));
    percents.put(Behaviour.SLOW, percent(given, "--slow-percent", 5));
    percents.put(Behaviour.GARBAGE, percent(given, "--garbage-percent", 1));
    percents.put(Behaviour.REBOOT, percent(given, "--reboot-percent", 2));
    if (percents.values().stream().mapToDouble(Double::doubleValue).sum() > 100) {
      throw new IllegalArgumentException("the --*-percent options sum to more than 100");
    }
    String prefix = given.getOrDefault("--prefix", defaultPrefix());
    if (!prefix.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new IllegalArgumentException("--prefix: 1-80 letters, digits, '.', '_' or '-'");
    }
    return new Options(
        panelUri(given.get("--panel")),
        password,
        nodes,
        firstPort,
        percents,
        Long.parseLong(given.getOrDefault("--seed", "42")),
        integer(given, "--minutes", 0, 0, 525_600),
        Duration.ofSeconds(integer(given, "--reboot-seconds", 180, 5, 86_400)),
        prefix,
        integer(given, "--enrol-threads", 8, 1, 64),
        path(given.get("--stats-file")),
        path(given.get("--nodes-file")),
        given.containsKey("--cleanup"));
  }

  private static Map<String, String> read(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (FLAGS.contains(name)) {
        given.put(name, "true");
      } else if (VALUED.contains(name) && i + 1 < args.length) {
        given.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option or missing value: " + name);
      }
    }
    return given;
  }

  private static int integer(
      Map<String, String> given, String name, int fallback, int min, int max) {
    String text = given.get(name);
    try {
      int value = text == null ? fallback : Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + text);
    }
  }

  private static double percent(Map<String, String> given, String name, double fallback) {
    String text = given.get(name);
    try {
      double value = text == null ? fallback : Double.parseDouble(text);
      if (!(value >= 0 && value <= 100)) {
        throw new IllegalArgumentException(name + " must be between 0 and 100");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + text);
    }
  }

  /** The panel's base URL with its secret path, always ending in '/' so API paths resolve. */
  private static URI panelUri(String text) {
    URI uri = URI.create(text.endsWith("/") ? text : text + "/");
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--panel must be an http(s) URL, got " + text);
    }
    return uri;
  }

  private static Path path(String text) {
    return text == null ? null : Path.of(text);
  }

  /** Server names are unique in the panel, so each run gets its own prefix by default. */
  private static String defaultPrefix() {
    return "sim-" + Long.toString(System.currentTimeMillis() / 1000, 36);
  }
}
