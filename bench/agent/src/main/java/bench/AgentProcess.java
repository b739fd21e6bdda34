package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent jar running as a child of the bench, and what the kernel says about it: resident memory
 * from {@code /proc/PID/status}, CPU time from {@code /proc/PID/stat}.
 */
final class AgentProcess implements AutoCloseable {

  /** Clock ticks per second of utime/stime; 100 on every Linux the agent targets. */
  private static final long TICKS_PER_SECOND = clockTicks();

  private final Process process;

  private AgentProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code java OPTIONS -jar JAR} with the agent's environment, output to {@code log}.
   *
   * @param extraEnv variables added to the agent's environment (a lever such as MALLOC_ARENA_MAX)
   */
  static AgentProcess launch(
      Path java, List<String> options, Path jar, Map<String, String> env, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return new AgentProcess(Children.track(builder.start()));
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The exit status once the process has ended (143: stopped by TERM). */
  int exitStatus() {
    return process.exitValue();
  }

  /** VmRSS in kB: everything of the process that is in memory (heap, metaspace, code, stacks). */
  long rssKb() throws IOException {
    for (String line : Files.readAllLines(proc("status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for pid " + pid());
  }

  /** CPU time of all the agent's threads so far, in milliseconds (10 ms resolution). */
  record Cpu(long userMillis, long systemMillis) {

    long totalMillis() {
      return userMillis + systemMillis;
    }

    Cpu minus(Cpu earlier) {
      return new Cpu(userMillis - earlier.userMillis, systemMillis - earlier.systemMillis);
    }
  }

  /** utime (user) and stime (kernel, e.g. generating {@code /proc/net/tcp}) from /proc/PID/stat. */
  Cpu cpu() throws IOException {
    String stat = Files.readString(proc("stat"));
    // The command name in parentheses may contain spaces: fields are counted after the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new Cpu(
        Long.parseLong(fields[11]) * 1000 / TICKS_PER_SECOND,
        Long.parseLong(fields[12]) * 1000 / TICKS_PER_SECOND);
  }

  long cpuMillis() throws IOException {
    return cpu().totalMillis();
  }

  /** TERM (the agent's shutdown hook runs, and a CDS archive is written at exit), then KILL. */
  @Override
  public void close() {
    Children.stop(process, 20);
  }

  private Path proc(String name) throws IOException {
    if (!process.isAlive()) {
      throw new IOException("the agent (pid " + pid() + ") has stopped; see its log");
    }
    return Path.of("/proc", Long.toString(pid()), name);
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).strip();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
