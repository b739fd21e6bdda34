package bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the bench starts, stopped by its own handle when the bench exits however it exits
 * (normal end, an error, Ctrl-C or TERM), so no agent or socket helper outlives a run.
 */
final class Children {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Children::stopAll, "bench-children"));
  }

  private Children() {}

  static Process track(Process process) {
    RUNNING.add(process);
    return process;
  }

  /** TERM, then KILL after {@code graceSeconds}; waits until the process is gone. */
  static void stop(Process process, int graceSeconds) {
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  private static void stopAll() {
    for (Process process : RUNNING) {
      stop(process, 5);
    }
  }
}
