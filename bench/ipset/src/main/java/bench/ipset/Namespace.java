package bench.ipset;

import java.io.IOException;
import java.util.List;

/**
 * A network namespace for the node's sets and rules, deleted when the bench ends however it ends
 * (the kernel objects go with it).
 */
final class Namespace implements AutoCloseable {

  private final String name;
  private final Thread cleanup;

  private Namespace(String name) {
    this.name = name;
    this.cleanup = new Thread(this::delete, "netns-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  static Namespace create(String name) throws IOException, InterruptedException {
    Namespace namespace = new Namespace(name);
    run(List.of("ip", "netns", "add", name));
    run(List.of("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up"));
    return namespace;
  }

  String name() {
    return name;
  }

  /** Runs a command in the namespace; its standard output. */
  String exec(String... argv) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", name));
    command.addAll(List.of(argv));
    return run(command);
  }

  @Override
  public void close() {
    delete();
    Runtime.getRuntime().removeShutdownHook(cleanup);
  }

  private void delete() {
    try {
      new ProcessBuilder("ip", "netns", "delete", name).inheritIO().start().waitFor();
    } catch (IOException e) {
      System.err.println("cannot delete the namespace " + name + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + ": " + out.strip());
    }
    return out;
  }
}
