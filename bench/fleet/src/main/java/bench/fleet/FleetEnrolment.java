package bench.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates and enrols the whole fleet with a few threads in parallel, printing progress. Dead nodes
 * are enrolled too: to the panel they are enrolled servers whose agent has stopped.
 */
final class FleetEnrolment {

  private final Options options;
  private final PanelClient panel;
  private final PrintStream progress;
  private int done;

  FleetEnrolment(Options options, PanelClient panel, PrintStream progress) {
    this.options = options;
    this.panel = panel;
    this.progress = progress;
  }

  /**
   * @throws IOException naming the first node that failed; servers created so far stay in the panel
   *     (listed under the run's prefix)
   */
  List<SimNode> enrol(List<Behaviour> plan, Clock clock) throws IOException, InterruptedException {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(options.enrolThreads());
    try {
      List<Future<SimNode>> futures = new ArrayList<>();
      for (int i = 0; i < plan.size(); i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  SimNode node = enrolOne(index, plan.get(index), clock.instant());
                  enrolled(plan.size(), started);
                  return node;
                }));
      }
      List<SimNode> fleet = new ArrayList<>();
      for (Future<SimNode> future : futures) {
        fleet.add(result(future));
      }
      return fleet;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Counts a node; about twenty progress lines per fleet, in order. */
  private synchronized void enrolled(int total, long started) {
    done++;
    if (done % Math.max(1, total / 20) == 0 || done == total) {
      progress.printf("enrolled %d/%d in %.1f s%n", done, total, seconds(started));
    }
  }

  private SimNode enrolOne(int index, Behaviour behaviour, Instant now) throws IOException {
    String name = String.format("%s-%04d", options.prefix(), index + 1);
    int port = options.firstPort() + index;
    NodeEnrolment.Enrolled enrolled = new NodeEnrolment(panel).enrol(name, port);
    return SimNode.of(
        enrolled.serverId(),
        name,
        port,
        behaviour,
        enrolled.tls(),
        options.seed(),
        index,
        now,
        options.rebootEvery());
  }

  private static SimNode result(Future<SimNode> future) throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
    }
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
