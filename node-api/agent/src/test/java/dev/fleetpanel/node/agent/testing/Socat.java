package dev.fleetpanel.node.agent.testing;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandResult;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** TCP traffic between the namespaces with {@code socat}: an echo server and clients. */
public final class Socat {

  private Socat() {}

  /** An echo server ({@code cat} per connection) in a namespace; close stops it. */
  public static AutoCloseable echoServer(String namespace, String listen) throws IOException {
    Process server =
        new ProcessBuilder(
                "ip", "netns", "exec", namespace, "socat", listen + ",reuseaddr,fork", "EXEC:cat")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return () -> {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
      server.waitFor(5, TimeUnit.SECONDS);
    };
  }

  /**
   * Whether a line sent from {@code bind} to {@code target} comes back within a second or two.
   *
   * @param target a socat address such as {@code TCP:11.0.0.1:7000}
   */
  public static boolean echoes(CommandRunner side, String target, String bind)
      throws CommandFailedException {
    CommandResult result =
        side.run(
            Command.of(
                    List.of(
                        "socat",
                        "-t",
                        "1",
                        "-T",
                        "2",
                        "STDIO",
                        target + ",bind=" + bind + ",connect-timeout=1"))
                .timeout(Duration.ofSeconds(10))
                .input(in -> in.write("ping\n".getBytes(StandardCharsets.US_ASCII))));
    return result.ok() && result.stdout().equals("ping\n");
  }

  /** A connection kept open, to see whether it survives a block. */
  public static final class Connection implements AutoCloseable {
    private final Process process;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);

    private Connection(Process process) {
      this.process = process;
      this.out = process.getOutputStream();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = in.readLine()) != null; ) {
                    lines.offer(line);
                  }
                } catch (IOException e) {
                  // The process ended.
                }
              },
              "socat-reader");
      reader.setDaemon(true);
      reader.start();
    }

    public static Connection open(String namespace, String target, String bind) throws IOException {
      List<String> argv =
          new ArrayList<>(List.of("ip", "netns", "exec", namespace, "socat", "STDIO"));
      argv.add(target + ",bind=" + bind + ",connect-timeout=2");
      return new Connection(
          new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Sends a line and waits for it to come back; false if it did not within the wait. */
    public boolean echoes(String line, Duration wait) throws IOException, InterruptedException {
      out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String back = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      return line.equals(back);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
