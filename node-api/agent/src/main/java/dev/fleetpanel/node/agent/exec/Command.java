package dev.fleetpanel.node.agent.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * A command to run: its argument list (the program first, looked up in the system directories), a
 * deadline for the whole run, what to write to its standard input (nothing: it reads end of file at
 * once) and where its standard output goes (captured, or line by line to a sink for large outputs
 * such as {@code ipset save}).
 */
public record Command(List<String> argv, Duration timeout, Input stdin, LineSink stdout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Writes a command's standard input; the runner closes the stream afterwards. */
  @FunctionalInterface
  public interface Input {
    void writeTo(OutputStream in) throws IOException;
  }

  /** Receives a command's standard output line by line, as it comes. */
  @FunctionalInterface
  public interface LineSink {
    void line(String line);
  }

  public Command {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs a program");
    }
  }

  public static Command of(List<String> argv) {
    return new Command(argv, DEFAULT_TIMEOUT, null, null);
  }

  public Command timeout(Duration deadline) {
    return new Command(argv, deadline, stdin, stdout);
  }

  public Command input(Input input) {
    return new Command(argv, timeout, input, stdout);
  }

  public Command lines(LineSink sink) {
    return new Command(argv, timeout, stdin, sink);
  }
}
