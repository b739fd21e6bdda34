package dev.fleetpanel.panel.nodesync;

import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every active node where its features want it. A change is stored first (by the feature),
 * then {@link #changed()} marks the fleet dirty; {@link #DEBOUNCE} later (changes that come
 * together are pushed together) every item whose wanted content differs from what its node last
 * applied is pushed, all nodes at once on a pool of {@link #PUSH_THREADS}, each with a deadline of
 * 20 s plus 1 s per 40,000 entries. A node that cannot be reached keeps a pending item, retried
 * after 60 s, doubling up to 30 min, and at once when the poller sees the node again ({@link
 * #nodeSeen}); a node that refuses is retried the same way, its reason shown. Every {@code
 * driftEvery} the nodes are asked for their versions, and an item that differs from what was
 * applied is repaired. All of it is in {@code node_sync}, so a restart of the panel loses nothing.
 */
public final class NodeSync implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NodeSync.class.getName());

  static final int PUSH_THREADS = 16;
  static final Duration DEBOUNCE = Duration.ofMillis(100);
  static final Duration TICK = Duration.ofMillis(50);
  static final Duration FIRST_RETRY = Duration.ofSeconds(60);
  static final Duration MAX_RETRY = Duration.ofMinutes(30);
  static final Duration BASE_DEADLINE = Duration.ofSeconds(20);
  static final long ENTRIES_PER_SECOND = 40_000;

  private final SyncStore store;
  private final ServerService servers;
  private final Map<String, SyncTarget> targets;
  private final Clock clock;
  private final Duration driftEvery;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(named("fleetpanel-sync"));
  private final ExecutorService pushers =
      Executors.newFixedThreadPool(PUSH_THREADS, named("fleetpanel-sync-push"));
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
  private final Set<String> heldFor = ConcurrentHashMap.newKeySet();
  private final Set<Long> seen = ConcurrentHashMap.newKeySet();
  private volatile long dirtySince = -1;
  private volatile long nextDrift;
  private volatile boolean failing;
  private volatile long pausedUntil;

  /** When the earliest pending item not being pushed is due (epoch millis). */
  private volatile long nextDue = Long.MAX_VALUE;

  /** A push ended: plan again, for what came while it ran and to learn when a retry is due. */
  private volatile boolean replan;

  /**
   * @param targets by the prefix of their items ({@code blocklist} for {@code blocklist/in})
   */
  public NodeSync(
      SyncStore store,
      ServerService servers,
      Map<String, SyncTarget> targets,
      Clock clock,
      Duration driftEvery) {
    this.store = store;
    this.servers = servers;
    this.targets = Map.copyOf(targets);
    this.clock = clock;
    this.driftEvery = driftEvery;
  }

  public void start() {
    dirtySince = 0;
    nextDrift = clock.millis() + Duration.ofMinutes(1).toMillis();
    ticker.scheduleWithFixedDelay(
        this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Something a feature keeps on nodes changed: plan and push after the debounce. */
  public void changed() {
    if (dirtySince < 0) {
      dirtySince = clock.millis();
    }
  }

  /**
   * The poller saw the server answer: its pending items are retried now rather than later. Called
   * on the poller's thread, so only noted here; the next plan moves the retries.
   */
  public void nodeSeen(long serverId) {
    if (waiting.contains(serverId) && seen.add(serverId)) {
      changed();
    }
  }

  /** Where every node is with every item, for the pages. */
  public List<SyncRecord> records() {
    return store.all();
  }

  private void tick() {
    try {
      long now = clock.millis();
      if (now < pausedUntil) {
        return;
      }
      if ((dirtySince >= 0 && now - dirtySince >= DEBOUNCE.toMillis())
          || now >= nextDue
          || replan) {
        dirtySince = -1;
        replan = false;
        plan();
      }
      if (now >= nextDrift) {
        nextDrift = now + driftEvery.toMillis();
        checkDrift();
      }
      if (failing) {
        failing = false;
        LOG.info("Node sync runs again.");
      }
    } catch (RuntimeException | Error e) {
      // An Error too: a scheduled task that throws is never run again.
      changed();
      pausedUntil = clock.millis() + 1000;
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "Node sync failed, retried every second: " + e.getMessage(), e);
      }
    }
  }

  /** Records what is wanted now for every active server and item, then pushes what is due. */
  void plan() {
    OffsetDateTime now = now();
    for (Long serverId : List.copyOf(seen)) {
      seen.remove(serverId);
      store.retryNow(serverId, now);
    }
    Map<String, SyncTarget.Desired> wanted = new HashMap<>();
    Set<String> held = new HashSet<>();
    Map<Long, Server> active = new HashMap<>();
    for (Server server : servers.list()) {
      if (!server.active()) {
        continue;
      }
      active.put(server.id(), server);
      for (SyncTarget target : targets.values()) {
        for (String item : target.items(server)) {
          try {
            wanted.put(key(server.id(), item), target.desired(server, item));
          } catch (RuntimeException e) {
            // This item is held (its node keeps what it has, its record stays) until the feature
            // changes again; the other items and nodes go on.
            held.add(key(server.id(), item));
            logHeld(item, e);
          }
        }
      }
    }
    List<SyncRecord> due = store.want(wanted, held, now);
    waiting.clear();
    for (SyncRecord record : due) {
      Server server = active.get(record.serverId());
      SyncTarget.Desired desired = wanted.get(key(record.serverId(), record.item()));
      if (server != null && desired != null) {
        submit(server, record, desired);
      }
    }
    Set<String> hashes = new HashSet<>();
    long earliest = Long.MAX_VALUE;
    for (SyncRecord r : store.all()) {
      if (r.state() != SyncState.APPLIED) {
        waiting.add(r.serverId());
        if (!inFlight.contains(key(r.serverId(), r.item())) && r.nextAttemptAt() != null) {
          earliest = Math.min(earliest, r.nextAttemptAt().toInstant().toEpochMilli());
        }
      }
      hashes.add(r.sentHash());
      hashes.add(r.desiredHash());
    }
    nextDue = earliest;
    targets.values().forEach(t -> t.retain(hashes));
  }

  /** Logs once per item and cause why what an item wants cannot be known now. */
  private void logHeld(String item, RuntimeException e) {
    String why = item + ": " + e.getMessage();
    if (heldFor.add(why)) {
      LOG.log(Level.WARNING, "Node sync holds " + why, e);
    }
  }

  private void submit(Server server, SyncRecord record, SyncTarget.Desired desired) {
    String key = key(server.id(), record.item());
    if (!inFlight.add(key)) {
      return;
    }
    // A drifted node does not hold the version a change could be made against: it gets it whole.
    SyncTarget.Previous previous =
        record.state() == SyncState.DRIFTED
            ? new SyncTarget.Previous(null, null)
            : new SyncTarget.Previous(record.sentHash(), record.nodeVersion());
    pushers.execute(
        () -> {
          try {
            push(server, record.item(), desired, previous);
          } finally {
            inFlight.remove(key);
            // After the removal, so that the plan this asks for sees the item as no longer pushed:
            // a want that came while it was (and skipped it) is pushed then, or a retry scheduled.
            replan = true;
          }
        });
  }

  private void push(
      Server server, String item, SyncTarget.Desired desired, SyncTarget.Previous previous) {
    SyncTarget.Outcome outcome;
    try {
      outcome = target(item).push(server, item, desired, previous, deadline(desired.entries()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Push of " + item + " to " + server.name() + " failed", e);
      outcome = SyncTarget.Outcome.refused("the panel failed: " + e.getMessage());
    }
    store.outcome(server.id(), item, desired.hash(), outcome, now(), this::retryAfter);
    if (!outcome.applied()) {
      waiting.add(server.id());
    }
  }

  /** Asks every node with applied items for its versions; what differs is drifted, and repaired. */
  void checkDrift() {
    Map<Long, List<SyncRecord>> applied = new HashMap<>();
    for (SyncRecord r : store.all()) {
      if (r.state() == SyncState.APPLIED) {
        applied.computeIfAbsent(r.serverId(), id -> new ArrayList<>()).add(r);
      }
    }
    for (Server server : servers.list()) {
      List<SyncRecord> records = applied.get(server.id());
      if (server.active() && records != null) {
        pushers.execute(() -> check(server, records));
      }
    }
  }

  private void check(Server server, List<SyncRecord> records) {
    Map<String, Map<String, String>> byTarget = new HashMap<>();
    for (SyncRecord record : records) {
      String prefix = prefix(record.item());
      Map<String, String> versions = byTarget.get(prefix);
      if (versions == null) {
        try {
          versions = targets.get(prefix).nodeVersions(server);
        } catch (NodeUnavailableException e) {
          versions = Map.of();
        }
        byTarget.put(prefix, versions);
      }
      String reported = versions.get(record.item());
      if (reported != null && !reported.equals(record.nodeVersion())) {
        LOG.info(server.name() + " drifted on " + record.item() + ": repairing it");
        store.drifted(server.id(), record.item(), record.nodeVersion(), reported, now());
        changed();
      } else if (reported != null) {
        store.checked(server.id(), record.item(), now());
      }
    }
  }

  /** 60 s after the first failure, doubling, at most 30 min. */
  OffsetDateTime retryAfter(int attempts, OffsetDateTime now) {
    long seconds = FIRST_RETRY.toSeconds() << Math.min(20, Math.max(0, attempts - 1));
    return now.plusSeconds(Math.min(seconds, MAX_RETRY.toSeconds()));
  }

  /** 20 s, plus 1 s per 40,000 entries. */
  static Duration deadline(long entries) {
    return BASE_DEADLINE.plusSeconds(entries / ENTRIES_PER_SECOND);
  }

  private SyncTarget target(String item) {
    SyncTarget target = targets.get(prefix(item));
    if (target == null) {
      throw new IllegalStateException("no target for " + item);
    }
    return target;
  }

  private static String prefix(String item) {
    int slash = item.indexOf('/');
    return slash < 0 ? item : item.substring(0, slash);
  }

  private static String key(long serverId, String item) {
    return serverId + " " + item;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Waits until no push or drift check runs (for tests); false when {@code limit} passed. */
  boolean awaitIdle(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!inFlight.isEmpty()
        || ((java.util.concurrent.ThreadPoolExecutor) pushers).getActiveCount() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    pushers.shutdownNow();
  }

  private static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
