package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SyncResult;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node's IP blocklists: two directions, each with a permanent and a temporary list, in the
 * kernel's sets behind the agent's own filter rules. Every operation runs under one lock, so
 * changes never interleave. {@link #start} brings the kernel up to the files before the agent
 * listens; an operation first checks the kernel still matches (and restores it if not). While the
 * tools are missing or failing, operations answer 503 and try starting again.
 */
public final class BlocklistService {

  private static final System.Logger LOG = System.getLogger(BlocklistService.class.getName());

  private final BlocklistConfig config;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final StateDir state;
  private final SetLayout layout;
  private final KernelSets kernel;
  private final FilterRules rules;
  private final ConnectionCutter cutter;
  private final NodeAddresses addresses;
  private final TemporaryTimeout timeout;
  private final Map<Direction, PermanentList> permanent = new EnumMap<>(Direction.class);
  private final Map<Direction, TemporaryList> temporary = new EnumMap<>(Direction.class);
  private volatile String error = "not started";

  public BlocklistService(BlocklistConfig config, CommandRunner runner, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.state = new StateDir(config.stateDir());
    this.layout = new SetLayout(config.maxEntries());
    this.kernel = new KernelSets(runner);
    this.rules = new FilterRules(runner, layout);
    this.cutter = new ConnectionCutter(runner);
    this.addresses = new NodeAddresses(runner);
    this.timeout = new TemporaryTimeout(state.settings());
    for (Direction direction : Direction.values()) {
      permanent.put(direction, new PermanentList(direction, layout, kernel, state));
      temporary.put(
          direction,
          new TemporaryList(
              direction,
              layout,
              kernel,
              new LongTemporaryEntries(state.longTemporary(direction)),
              state.scratch()));
    }
  }

  /**
   * Creates the sets and rules that are missing and restores the permanent lists and the long
   * temporary entries. Never throws: a failure is logged and answered by {@link #error()}.
   *
   * @return whether the blocklist is ready
   */
  public boolean start() {
    lock.lock();
    try {
      state.cleanScratch();
      return tryStart();
    } catch (IOException e) {
      error = "cannot use " + state.path() + ": " + e.getMessage();
      LOG.log(Level.ERROR, "blocklist: not ready: " + error);
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Why the blocklist is not ready, or null when it is. */
  public String error() {
    return error;
  }

  public int maxEntries() {
    return layout.maxEntries();
  }

  /**
   * A reader for one request from {@code peer}: entries to be blocked are checked against the
   * non-public ranges, the node's addresses, the configured panel addresses and {@code peer}.
   */
  public BlocklistRequestReader reader(InetAddress peer) throws BlocklistException {
    List<BlocklistEntry> panel = new ArrayList<>(config.panelAddresses());
    if (peer != null) {
      BlocklistEntry.tryParse(peer.getHostAddress()).ifPresent(panel::add);
    }
    List<BlocklistEntry> own;
    try {
      own = addresses.read();
    } catch (CommandFailedException e) {
      throw BlocklistException.unavailable("cannot read the node's addresses: " + e.getMessage());
    }
    return new BlocklistRequestReader(
        new RefusalPolicy(own, panel), layout.maxEntries(), state.scratch());
  }

  public BlocklistStatus status() throws BlocklistException {
    return locked(
        () -> {
          for (Direction direction : Direction.values()) {
            checked(direction);
          }
          return StatusReport.read(layout, kernel, rules, permanent, temporary, timeout.get());
        });
  }

  /** A list's content, to be written out after the lock is released. */
  public ListContent list(Direction direction, ListKind list) throws BlocklistException {
    return locked(
        () -> {
          if (list == ListKind.PERMANENT) {
            PermanentList permanentList = checked(direction);
            PermanentList.Snapshot snapshot = permanentList.snapshot();
            return new ListContent(snapshot.version(), snapshot.size(), permanentList.content());
          }
          PackedList content = temporary.get(direction).content();
          return new ListContent(Canonical.version(content), content.size(), content);
        });
  }

  /** {@code add} and {@code bulk-add}: the entries join the list (a temporary one for a while). */
  public SyncResult add(BlocklistRequest request) throws BlocklistException {
    return change(request, request.entries, EntryBatch.EMPTY, "added");
  }

  /** {@code remove} and {@code bulk-remove}. */
  public SyncResult remove(BlocklistRequest request) throws BlocklistException {
    return change(request, EntryBatch.EMPTY, request.entries, "removed");
  }

  public SyncResult clear(Direction direction, ListKind list) throws BlocklistException {
    return locked(
        () -> {
          Outcome outcome =
              list == ListKind.PERMANENT
                  ? checked(direction).replace(PackedList.EMPTY)
                  : temporary.get(direction).clear();
          return Results.of(
              SyncResult.FULL, "cleared", direction, list, outcome, EntryBatch.EMPTY, 0);
        });
  }

  /** Sets the default lifetime of temporary entries; entries already there keep theirs. */
  public int setTimeout(BlocklistRequest request) throws BlocklistException {
    return locked(
        () -> {
          timeout.set(request.timeout);
          return request.timeout;
        });
  }

  /**
   * {@code sync}: a full list replaces the list (through staging sets for a permanent one); a delta
   * applies in place if the list's version is still its {@code base_version}, else 409 with the
   * current version.
   */
  public SyncResult sync(BlocklistRequest request) throws BlocklistException {
    if (request.delta()) {
      return change(request, request.additions, request.removals, "changed");
    }
    return locked(
        () -> {
          Direction direction = request.direction;
          PackedList desired = request.entries.entries();
          Outcome outcome =
              request.list == ListKind.PERMANENT
                  ? checked(direction).replace(desired)
                  : temporary.get(direction).replace(desired, lifetime(request), now());
          return Results.of(
              SyncResult.FULL,
              "replaced",
              direction,
              request.list,
              cut(outcome, desired),
              request.entries,
              request.received());
        });
  }

  /** Re-arms the long temporary entries (hourly, by the agent's scheduler). */
  public void rearm() {
    lock.lock();
    try {
      if (error == null) {
        for (TemporaryList list : temporary.values()) {
          list.rearm(now());
        }
      }
    } catch (CommandFailedException | IOException e) {
      LOG.log(
          Level.WARNING, "blocklist: re-arming long temporary entries failed: " + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  private SyncResult change(
      BlocklistRequest request, EntryBatch additions, EntryBatch removals, String message)
      throws BlocklistException {
    return locked(
        () -> {
          Direction direction = request.direction;
          if (request.delta()) {
            String current =
                request.list == ListKind.PERMANENT
                    ? checked(direction).snapshot().version()
                    : Canonical.version(temporary.get(direction).content());
            if (!current.equals(request.baseVersion)) {
              throw BlocklistException.versionMismatch(current);
            }
          }
          Outcome outcome =
              request.list == ListKind.PERMANENT
                  ? checked(direction).change(additions.entries(), removals.entries())
                  : temporary
                      .get(direction)
                      .change(additions.entries(), removals.entries(), lifetime(request), now());
          return Results.of(
              request.delta() ? SyncResult.DELTA : null,
              message,
              direction,
              request.list,
              cut(outcome, additions.entries()),
              EntryBatch.leftOut(additions, removals),
              request.received());
        });
  }

  private int lifetime(BlocklistRequest request) {
    return request.timeout > 0 ? request.timeout : timeout.get();
  }

  /** Ends the connections of what is now blocked; a failure there does not undo the change. */
  private Outcome cut(Outcome outcome, PackedList blocked) {
    if (blocked.size() == 0) {
      return outcome;
    }
    try {
      return outcome.withConnectionsCut(cutter.cut(blocked));
    } catch (CommandFailedException e) {
      LOG.log(Level.WARNING, "blocklist: cannot end blocked connections: " + e.getMessage());
      return outcome.withConnectionsCut(-1);
    }
  }

  /** The direction's permanent list, its kernel sets restored first if they differ from it. */
  private PermanentList checked(Direction direction) throws CommandFailedException, IOException {
    PermanentList list = permanent.get(direction);
    if (!list.matchesKernel()) {
      LOG.log(
          Level.WARNING,
          "blocklist: the kernel's "
              + direction.wire()
              + " sets differ from the permanent list; restoring them");
      restoreKernel();
    }
    return list;
  }

  private boolean tryStart() {
    try {
      state.create();
      timeout.load();
      restoreKernel();
      error = null;
      LOG.log(Level.INFO, "blocklist: ready (" + describe() + ")");
      return true;
    } catch (CommandFailedException | IOException | RuntimeException e) {
      error = e.getMessage();
      LOG.log(Level.ERROR, "blocklist: not ready: " + error);
      return false;
    }
  }

  /** Sets, permanent lists, rules and long temporary entries, in that order. */
  private void restoreKernel() throws CommandFailedException, IOException {
    for (var spec : layout.all()) {
      kernel.ensure(spec);
    }
    for (PermanentList list : permanent.values()) {
      list.restore();
    }
    rules.ensure();
    for (TemporaryList list : temporary.values()) {
      list.longEntries().load();
      list.rearm(now());
    }
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    for (Direction direction : Direction.values()) {
      out.append(direction.wire())
          .append(": ")
          .append(permanent.get(direction).snapshot().size())
          .append(" permanent; ");
    }
    return out.append("state in ").append(state.path()).toString();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  @FunctionalInterface
  private interface Operation<T> {
    T run() throws BlocklistException, CommandFailedException, IOException;
  }

  /**
   * Runs {@code operation} under the lock, starting the blocklist first if it is not ready. A tool
   * failure is a 500 after which the long temporary records are read again from disk, since the
   * kernel may hold part of the change.
   */
  private <T> T locked(Operation<T> operation) throws BlocklistException {
    lock.lock();
    try {
      if (error != null && !tryStart()) {
        throw BlocklistException.unavailable(error);
      }
      return operation.run();
    } catch (CommandFailedException | IOException e) {
      LOG.log(Level.ERROR, "blocklist: " + e.getMessage());
      reloadLongEntries();
      throw BlocklistException.failed(e.getMessage());
    } catch (TooManyEntriesException e) {
      throw BlocklistException.tooLarge(e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  private void reloadLongEntries() {
    for (TemporaryList list : temporary.values()) {
      try {
        list.longEntries().load();
      } catch (IOException e) {
        LOG.log(Level.ERROR, "blocklist: " + e.getMessage());
      }
    }
  }
}
