package dev.fleetpanel.panel.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every server's collection state in memory: its latest reading and sample, its status, and its
 * circuit breaker. A server is offline once it has had no sample for {@code offlineAfter} (the
 * seed's rule is 3 intervals + 30 s: {@link CollectorSettings#offlineAfter()}); after 3 failures in
 * a row its polls are skipped for 3 cycles, then for twice as many after each failed probe, up to
 * {@link #MAX_SKIPPED_CYCLES}.
 */
public final class FleetState {

  static final int FAILURES_TO_OPEN = 3;
  static final int FIRST_SKIPPED_CYCLES = 3;
  static final int MAX_SKIPPED_CYCLES = 30;

  private final Map<Long, Track> tracks = new ConcurrentHashMap<>();
  private final List<java.util.function.LongConsumer> onlineListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Clock clock;
  private final Supplier<Duration> offlineAfter;
  private final Instant started;

  public FleetState(Clock clock, Supplier<Duration> offlineAfter) {
    this.clock = clock;
    this.offlineAfter = offlineAfter;
    this.started = clock.instant();
  }

  /** A server's status now; unknown for a server never polled since the panel started. */
  public NodeStatus status(long serverId) {
    Track track = tracks.get(serverId);
    if (track == null) {
      return new NodeStatus(
          serverId,
          NodeStatus.State.UNKNOWN,
          started,
          null,
          null,
          null,
          0,
          null,
          null,
          NodeFacts.NONE);
    }
    return track.status(clock.instant(), offlineAfter());
  }

  /** The statuses of these servers, in their order. */
  public List<NodeStatus> statuses(List<Long> serverIds) {
    return serverIds.stream().map(this::status).toList();
  }

  /** The panel's time of the server's latest sample, or null (read per poll: no status built). */
  Instant lastSampleAt(long serverId) {
    Track track = tracks.get(serverId);
    return track == null ? null : track.lastSampleAt();
  }

  /** Whether the server's poll should be skipped this cycle (its breaker is open). */
  boolean skip(long serverId) {
    Track track = tracks.get(serverId);
    return track != null && track.skip();
  }

  /** The previous reading of the server (for rates), or null. */
  NodeReading previousReading(long serverId) {
    Track track = tracks.get(serverId);
    return track == null ? null : track.reading();
  }

  void succeeded(long serverId, NodeReading reading, Sample sample, String document) {
    if (track(serverId).succeeded(reading, sample, document, offlineAfter())) {
      onlineListeners.forEach(l -> l.accept(serverId));
    }
  }

  /**
   * Registers {@code listener} to be told when a server answers after having been offline (or for
   * the first time since the panel started), on the poller's thread: it must return quickly.
   */
  public void onOnline(java.util.function.LongConsumer listener) {
    onlineListeners.add(listener);
  }

  void failed(long serverId, String reason, String detail) {
    track(serverId).failed(reason, detail);
  }

  private Track track(long serverId) {
    return tracks.computeIfAbsent(serverId, id -> new Track(id, clock.instant()));
  }

  /** Forgets a removed server. */
  public void forget(long serverId) {
    tracks.remove(serverId);
  }

  Duration offlineAfter() {
    return offlineAfter.get();
  }

  /** One server's mutable state; every method locks it. */
  private final class Track {
    private final long serverId;
    private final Instant firstPolledAt;
    private NodeReading reading;
    private Sample latest;
    private String document;
    private Instant lastSampleAt;
    private Instant onlineSince;
    private String lastError;
    private String lastReason;
    private int failures;
    private int skipLeft;
    private int nextSkip = FIRST_SKIPPED_CYCLES;

    Track(long serverId, Instant firstPolledAt) {
      this.serverId = serverId;
      this.firstPolledAt = firstPolledAt;
    }

    synchronized NodeReading reading() {
      return reading;
    }

    synchronized Instant lastSampleAt() {
      return lastSampleAt;
    }

    synchronized boolean skip() {
      if (skipLeft > 0) {
        skipLeft--;
        return true;
      }
      return false;
    }

    /** Takes a sample in; whether the server was offline (or never seen) until now. */
    synchronized boolean succeeded(
        NodeReading newReading, Sample sample, String body, Duration offlineAfter) {
      boolean cameBack =
          lastSampleAt == null || !sample.at().isBefore(lastSampleAt.plus(offlineAfter));
      if (cameBack) {
        onlineSince = sample.at();
      }
      reading = newReading;
      latest = sample;
      document = body;
      lastSampleAt = sample.at();
      lastError = null;
      lastReason = null;
      failures = 0;
      nextSkip = FIRST_SKIPPED_CYCLES;
      return cameBack;
    }

    synchronized void failed(String reason, String detail) {
      lastError = detail;
      lastReason = reason;
      failures++;
      if (failures >= FAILURES_TO_OPEN) {
        skipLeft = nextSkip;
        nextSkip = Math.min(nextSkip * 2, MAX_SKIPPED_CYCLES);
      }
    }

    synchronized NodeStatus status(Instant now, Duration offlineAfter) {
      // A server never seen counts from its first poll (added after the panel started, it has not
      // been offline since then).
      Instant reference = lastSampleAt != null ? lastSampleAt : firstPolledAt;
      Instant offlineAt = reference.plus(offlineAfter);
      boolean offline = !now.isBefore(offlineAt);
      NodeStatus.State state;
      Instant since;
      if (offline) {
        state = NodeStatus.State.OFFLINE;
        since = reference;
      } else if (lastSampleAt != null) {
        state = NodeStatus.State.ONLINE;
        since = onlineSince;
      } else {
        state = NodeStatus.State.UNKNOWN;
        since = firstPolledAt;
      }
      return new NodeStatus(
          serverId,
          state,
          since,
          lastSampleAt,
          lastError,
          lastReason,
          failures,
          latest,
          document,
          reading == null ? NodeFacts.NONE : reading.facts());
    }
  }
}
