package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls every active server's {@code /api/metrics} every interval: all requests of a cycle go out
 * at once on the node client's non-blocking I/O, each with a hard deadline (half the interval, at
 * most the client's total timeout) that also ends a node which sends headers and then stalls, so
 * that no node delays another's sample. A server whose previous poll is still running, or whose
 * breaker is open, is skipped. Samples are queued for the {@link SampleWriter}, which one
 * background thread flushes every second together with the run's heartbeat; the rollup and
 * retention jobs run every minute on the same thread.
 */
public final class Poller implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Poller.class.getName());
  static final int CYCLES_KEPT = 120;
  static final Duration MAINTENANCE_EVERY = Duration.ofMinutes(1);
  static final Duration LIST_EVERY = Duration.ofSeconds(2);

  /** The agent keeps five minutes of 1-second network rates. */
  static final long PEAK_WINDOW_MAX = 300;

  private final ServerService servers;
  private final NodeClient client;
  private final FleetState state;
  private final SampleWriter writer;
  private final Rollups rollups;
  private final CollectorRuns runs;
  private final CollectorSettings settings;
  private final Clock clock;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final Deque<CycleStats> cycles = new ArrayDeque<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(daemon("fleetpanel-poller"));
  private final ScheduledExecutorService storage =
      Executors.newSingleThreadScheduledExecutor(daemon("fleetpanel-storage"));
  private Instant nextCycle = Instant.MIN;
  private Instant nextMaintenance = Instant.MIN;
  private volatile boolean maintenanceFailing;
  private volatile List<Server> lastKnown = List.of();
  private volatile boolean listFailing;
  private Instant nextList = Instant.MIN;

  public Poller(
      ServerService servers,
      NodeClient client,
      FleetState state,
      SampleWriter writer,
      Rollups rollups,
      CollectorRuns runs,
      CollectorSettings settings,
      Clock clock) {
    this.servers = servers;
    this.client = client;
    this.state = state;
    this.writer = writer;
    this.rollups = rollups;
    this.runs = runs;
    this.settings = settings;
    this.clock = clock;
  }

  public void start() {
    refreshServers();
    ticker.scheduleWithFixedDelay(this::tick, 0, 200, TimeUnit.MILLISECONDS);
    storage.scheduleWithFixedDelay(this::store, 1, 1, TimeUnit.SECONDS);
  }

  /** Starts a cycle when the interval (read now, so a change applies at once) has passed. */
  private void tick() {
    try {
      Instant now = clock.instant();
      if (now.isBefore(nextCycle)) {
        return;
      }
      nextCycle = now.plus(settings.interval());
      cycle(now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Poll cycle failed: " + e.getMessage(), e);
    }
  }

  /** Polls every active server once; returns when every poll has settled (for tests). */
  CompletableFuture<CycleStats> cycle(Instant started) {
    List<Server> active = lastKnown;
    Duration deadline = deadline(settings.interval());
    long t0 = System.nanoTime();
    AtomicLong lastAnswer = new AtomicLong(t0);
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int skipped = 0;
    List<CompletableFuture<Void>> polls = new ArrayList<>();
    for (Server server : active) {
      if (!inFlight.add(server.id())) {
        skipped++;
        continue;
      }
      if (state.skip(server.id())) {
        inFlight.remove(server.id());
        skipped++;
        continue;
      }
      polls.add(
          client
              .getAsync(
                  server.address(),
                  server.agentPort(),
                  "/api/metrics?peak_seconds=" + peakWindow(server.id(), started),
                  deadline)
              .thenAccept(
                  reply -> {
                    if (handle(server.id(), reply)) {
                      succeeded.incrementAndGet();
                      lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                    } else {
                      failed.incrementAndGet();
                    }
                  })
              .whenComplete((ignored, error) -> inFlight.remove(server.id())));
    }
    int skippedCount = skipped;
    return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new))
        .handle(
            (ignored, error) -> {
              CycleStats stats =
                  new CycleStats(
                      started,
                      TimeUnit.NANOSECONDS.toMillis(lastAnswer.get() - t0),
                      TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                      polls.size(),
                      succeeded.get(),
                      failed.get(),
                      skippedCount);
              record(stats);
              return stats;
            });
  }

  /**
   * Reads the active servers from the database for the next cycles. It runs on the storage thread,
   * never in a cycle: while the database is away each try waits for the pool's timeout, and the
   * polling goes on meanwhile with the list it last gave.
   */
  void refreshServers() {
    try {
      lastKnown = servers.list().stream().filter(Server::active).toList();
      if (listFailing) {
        listFailing = false;
        LOG.info("The server list is read again.");
      }
    } catch (RuntimeException e) {
      if (!listFailing) {
        listFailing = true;
        LOG.log(
            Level.WARNING,
            "Cannot read the server list (" + e.getMessage() + "); polling the last known one.");
      }
    }
  }

  /**
   * The seconds since the server's last sample (the interval before the first), 1-300: the agent
   * then reports the highest 1-second network rate of exactly that stretch, so no peak between two
   * samples is lost.
   */
  private long peakWindow(long serverId, Instant now) {
    Instant last = state.lastSampleAt(serverId);
    long seconds =
        last == null
            ? settings.intervalSeconds()
            : (Duration.between(last, now).toMillis() + 999) / 1000;
    return Math.max(1, Math.min(PEAK_WINDOW_MAX, seconds));
  }

  /** Half the interval, at most the node client's total timeout. */
  static Duration deadline(Duration interval) {
    Duration half = interval.dividedBy(2);
    return half.compareTo(NodeClient.TOTAL_TIMEOUT) < 0 ? half : NodeClient.TOTAL_TIMEOUT;
  }

  /** Takes one node's answer in; true when it gave a sample. */
  boolean handle(long serverId, NodeClient.Reply reply) {
    if (!reply.ok()) {
      state.failed(serverId, reply.failure().name().toLowerCase(Locale.ROOT), reply.detail());
      return false;
    }
    NodeReading reading;
    try {
      reading = NodeDocumentParser.read(reply);
    } catch (NodeDocumentParser.NotAMetricsDocument e) {
      state.failed(serverId, "garbage", e.getMessage());
      return false;
    }
    Sample sample =
        Rates.sample(serverId, clock.instant(), reading, state.previousReading(serverId));
    state.succeeded(serverId, reading, sample, reply.body());
    writer.add(sample);
    return true;
  }

  /**
   * The storage thread: the server list every {@link #LIST_EVERY}, samples and heartbeat every
   * second, rollups every minute.
   */
  private void store() {
    Instant now = clock.instant();
    if (!now.isBefore(nextList)) {
      nextList = now.plus(LIST_EVERY);
      refreshServers();
    }
    try {
      if (!runs.started()) {
        runs.start(now);
      }
      if (writer.flush()) {
        runs.beat(now);
      }
    } catch (SQLException | RuntimeException e) {
      // The writer reports its own outage; the heartbeat waits for the database like the samples.
      LOG.log(Level.FINE, "Heartbeat not written: " + e.getMessage(), e);
    }
    if (!now.isBefore(nextMaintenance)) {
      nextMaintenance = now.plus(MAINTENANCE_EVERY);
      maintain();
    }
  }

  private void maintain() {
    try {
      rollups.run();
      if (maintenanceFailing) {
        maintenanceFailing = false;
        LOG.info("Rollups and retention run again.");
      }
    } catch (SQLException | RuntimeException e) {
      if (!maintenanceFailing) {
        maintenanceFailing = true;
        LOG.log(Level.WARNING, "Rollups and retention failed, retried every minute: " + e, e);
      }
    }
  }

  private synchronized void record(CycleStats stats) {
    cycles.addLast(stats);
    while (cycles.size() > CYCLES_KEPT) {
      cycles.removeFirst();
    }
  }

  /** The latest cycles, oldest first. */
  public synchronized List<CycleStats> recentCycles() {
    return List.copyOf(cycles);
  }

  public SampleWriter writer() {
    return writer;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    storage.shutdown();
    try {
      storage.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.flush();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
