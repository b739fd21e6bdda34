package bench.ipset;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent jar running as a child process, on 127.0.0.1 and a free port, its firewall commands in
 * the bench's namespace ({@code FLEETPANEL_NODE_NETNS}), and what the kernel says of its memory.
 */
final class Agent implements AutoCloseable {

  private final Process process;
  private final int port;

  private Agent(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Agent launch(
      String java, List<String> options, Path jar, Path work, String namespace, Path log)
      throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .putAll(
            Map.of(
                "FLEETPANEL_NODE_BIND", "127.0.0.1",
                "FLEETPANEL_NODE_PORT", Integer.toString(port),
                "FLEETPANEL_NODE_DIR", work.resolve("node").toString(),
                "FLEETPANEL_NODE_STATE_DIR", work.resolve("state").toString(),
                "FLEETPANEL_NODE_NETNS", namespace,
                // A path that does not exist: this machine's agent.conf must not count.
                "FLEETPANEL_NODE_CONFIG", work.resolve("no-agent.conf").toString()));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return new Agent(process, port);
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** {@code VmRSS} (now) or {@code VmHWM} (the highest since start), in MiB. */
  double memoryMib(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no " + field + " for the agent (pid " + process.pid() + ")");
  }

  /** TERM, then KILL after ten seconds. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
