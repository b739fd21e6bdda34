package dev.fleetpanel.node.agent.exec;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs commands as argument lists, never through a shell, with {@code LC_ALL=C} (so that tools
 * answer in the English the parsers expect) and a fixed {@code PATH} of the system directories.
 * Every run has a deadline covering its input, output and exit; at the deadline the process is
 * killed. The prefix (for example {@code ip netns exec <ns>}) is put in front of every command.
 */
public final class CommandRunner {

  /** Where programs are looked up, whatever the agent's own {@code PATH}. */
  static final List<String> SEARCH_PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private static final int STDOUT_LIMIT = 1 << 20;
  private static final int STDERR_LIMIT = 64 << 10;
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "exec-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  private final List<String> prefix;

  public CommandRunner(List<String> prefix) {
    this.prefix = List.copyOf(prefix);
  }

  /** Commands run on this host as they are. */
  public static CommandRunner local() {
    return new CommandRunner(List.of());
  }

  /** Commands run inside the network namespace {@code name} ({@code ip netns exec name ...}). */
  public static CommandRunner inNamespace(String name) {
    return new CommandRunner(List.of("ip", "netns", "exec", name));
  }

  public List<String> prefix() {
    return prefix;
  }

  /**
   * Runs {@code command} to its end (or deadline), whatever its exit status.
   *
   * @throws CommandFailedException when it cannot be started (no such program)
   */
  public CommandResult run(Command command) throws CommandFailedException {
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(command.argv());
    argv.set(0, resolve(argv.get(0)));
    ProcessBuilder builder = new ProcessBuilder(argv);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    env.put("LC_ALL", "C");
    env.put("PATH", String.join(":", SEARCH_PATH));
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CommandFailedException(
          command.argv().get(0) + ": cannot start: " + e.getMessage(), null);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () -> {
              timedOut.set(true);
              process.destroyForcibly();
            },
            command.timeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return finish(command, process, started, timedOut);
    } finally {
      deadline.cancel(false);
      process.destroyForcibly();
    }
  }

  private CommandResult finish(
      Command command, Process process, long started, AtomicBoolean timedOut) {
    Drain stderr = Drain.capture(process.getErrorStream(), STDERR_LIMIT);
    Drain stdout =
        command.stdout() == null
            ? Drain.capture(process.getInputStream(), STDOUT_LIMIT)
            : Drain.lines(process.getInputStream(), command.stdout(), process);
    RuntimeException inputFailure = writeInput(command.stdin(), process);
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      exit = -1;
    }
    String out = stdout.finish();
    String err = stderr.finish();
    if (inputFailure != null) {
      throw inputFailure;
    }
    stdout.rethrow();
    long millis = (System.nanoTime() - started) / 1_000_000;
    boolean killed = timedOut.get();
    return new CommandResult(command.argv(), killed ? -1 : exit, out, err, killed, millis);
  }

  /**
   * Writes the input, or closes it at once. A process that stops reading (it failed, or was killed)
   * makes the write fail: that is its exit status's business, not an error here. An unchecked
   * exception from the writer kills the process and is returned to be rethrown.
   */
  private static RuntimeException writeInput(Command.Input input, Process process) {
    try (OutputStream in = process.getOutputStream()) {
      if (input != null) {
        input.writeTo(in);
      }
    } catch (IOException e) {
      // Broken pipe: the process ended or was killed; its status and stderr say why.
    } catch (RuntimeException e) {
      process.destroyForcibly();
      return e;
    }
    return null;
  }

  private static String resolve(String program) {
    if (program.contains("/")) {
      return program;
    }
    for (String dir : SEARCH_PATH) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return program;
  }

  /** A thread reading one of the process's output streams to its end. */
  private static final class Drain extends Thread {
    private final InputStream stream;
    private final int limit;
    private final Command.LineSink sink;
    private final Process process;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private volatile RuntimeException failure;

    private Drain(InputStream stream, int limit, Command.LineSink sink, Process process) {
      super(sink == null ? "exec-capture" : "exec-lines");
      setDaemon(true);
      this.stream = stream;
      this.limit = limit;
      this.sink = sink;
      this.process = process;
    }

    /** Keeps at most {@code limit} bytes of the stream. */
    static Drain capture(InputStream stream, int limit) {
      Drain drain = new Drain(stream, limit, null, null);
      drain.start();
      return drain;
    }

    /** Gives the stream's lines to {@code sink}; if the sink throws, the process is killed. */
    static Drain lines(InputStream stream, Command.LineSink sink, Process process) {
      Drain drain = new Drain(stream, 0, sink, process);
      drain.start();
      return drain;
    }

    @Override
    public void run() {
      try (stream) {
        if (sink == null) {
          byte[] buffer = new byte[8192];
          for (int n; (n = stream.read(buffer)) >= 0; ) {
            captured.write(buffer, 0, Math.max(0, Math.min(n, limit - captured.size())));
          }
        } else {
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 65536);
          for (String line; (line = reader.readLine()) != null; ) {
            sink.line(line);
          }
        }
      } catch (IOException e) {
        // The process was killed; what was read is kept and its status says the rest.
      } catch (RuntimeException e) {
        failure = e;
        process.destroyForcibly();
      }
    }

    String finish() {
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return captured.toString(StandardCharsets.UTF_8);
    }

    void rethrow() {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
