package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code AgentBench MODE --name value ...}: runs one part of the agent's benchmark and prints its
 * markdown to standard output (progress goes to standard error). Modes: {@code main} (the figures
 * against the seed, {@link MainRun}), {@code levers} ({@link LeverRun}), {@code sockets} ({@link
 * SocketsRun}, run inside a network namespace by {@code bin/bench}).
 *
 * <p>Common options: {@code --jar} the agent jar, {@code --work} a scratch directory (emptied),
 * {@code --unit-opts} the systemd unit's JVM options, {@code --jlink-java} the jlink runtime's
 * {@code bin/java} (optional).
 */
public final class AgentBench {

  private AgentBench() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: AgentBench main|levers|sockets --jar JAR --work DIR ...");
      System.exit(2);
    }
    try {
      Options options = new Options(Arrays.asList(args).subList(1, args.length));
      String markdown = run(args[0], options);
      System.out.print(markdown);
      System.exit(0);
    } catch (Exception e) {
      System.err.println("bench agent: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static String run(String mode, Options options) throws Exception {
    Path work = emptyDirectory(options.path("work"));
    Path jar = options.path("jar");
    Path jdkJava = Path.of(System.getProperty("java.home"), "bin", "java");
    String jlink = options.text("jlink-java", "");
    Levers levers =
        new Levers(
            jdkJava, jlink.isEmpty() ? null : Path.of(jlink), options.words("unit-opts", ""));
    Pki pki = new Pki();
    return switch (mode) {
      case "main" -> new MainRun(options, levers, jar, work, pki).run();
      case "levers" -> new LeverRun(options, levers, jar, work, pki).run();
      case "sockets" -> new SocketsRun(options, levers, jar, work, pki).run();
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  static void progress(String message) {
    System.err.println("  " + message);
  }

  private static Path emptyDirectory(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(dir);
  }
}
