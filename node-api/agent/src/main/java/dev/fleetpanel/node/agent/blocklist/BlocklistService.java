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
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node's IP blocklists: two directions, each with a permanent and a temporary list, in the
 * kernel's sets behind the agent's own filter rules ({@link NodeLists}). Every operation runs under
 * one lock, so changes never interleave; request bodies are read before it. {@link #start} brings
 * the kernel up to the files before the agent listens; an operation first checks the kernel still
 * matches (and restores it if not). While the tools are missing or failing, operations answer 503
 * and try starting again.
 */
public final class BlocklistService {

  private static final System.Logger LOG = System.getLogger(BlocklistService.class.getName());

  private final BlocklistConfig config;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final NodeLists lists;
  private final ConnectionCutter cutter;
  private final NodeAddresses addresses;
  private volatile String error = "not started";

  public BlocklistService(BlocklistConfig config, CommandRunner runner, Clock clock) {
    this.config = config;
    this.lists = new NodeLists(config, runner, clock);
    this.cutter = new ConnectionCutter(runner);
    this.addresses = new NodeAddresses(runner);
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
      lists.state().cleanScratch();
      return tryStart();
    } catch (IOException e) {
      error = "cannot use " + lists.state().path() + ": " + e.getMessage();
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
        new RefusalPolicy(own, panel), config.maxEntries(), lists.state().scratch());
  }

  public BlocklistStatus status() throws BlocklistException {
    return locked(lists::status);
  }

  /** A list's content, to be written out after the lock is released. */
  public ListContent list(Direction direction, ListKind list) throws BlocklistException {
    return locked(
        () -> {
          if (list == ListKind.PERMANENT) {
            PermanentList permanent = lists.permanent(direction);
            PermanentList.Snapshot snapshot = permanent.snapshot();
            return new ListContent(snapshot.version(), snapshot.size(), permanent.content());
          }
          PackedList content = lists.temporary(direction).content();
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
                  ? lists.permanent(direction).replace(PackedList.EMPTY)
                  : lists.temporary(direction).clear();
          return Results.of(
              SyncResult.FULL, "cleared", direction, list, outcome, EntryBatch.EMPTY, 0);
        });
  }

  /** Sets the default lifetime of temporary entries; entries already there keep theirs. */
  public int setTimeout(BlocklistRequest request) throws BlocklistException {
    return locked(
        () -> {
          lists.timeout().set(request.timeout);
          return request.timeout;
        });
  }

  /**
   * {@code sync}: a full list replaces the list (see {@link PermanentList#replace}); a delta
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
                  ? lists.permanent(direction).replace(desired)
                  : lists.temporary(direction).replace(desired, lifetime(request), lists.now());
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
        lists.rearm();
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
          // Checked against the kernel once: the permanent list is asked for once.
          PermanentList permanent =
              request.list == ListKind.PERMANENT ? lists.permanent(direction) : null;
          if (request.delta()) {
            String current =
                permanent != null
                    ? permanent.snapshot().version()
                    : Canonical.version(lists.temporary(direction).content());
            if (!current.equals(request.baseVersion)) {
              throw BlocklistException.versionMismatch(current);
            }
          }
          Outcome outcome =
              permanent != null
                  ? permanent.change(additions.entries(), removals.entries())
                  : lists
                      .temporary(direction)
                      .change(
                          additions.entries(), removals.entries(), lifetime(request), lists.now());
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
    return request.timeout > 0 ? request.timeout : lists.timeout().get();
  }

  /**
   * Ends the connections of what is now blocked; a failure there does not undo the change. Nothing
   * to do when the change added nothing: what was blocked already has no traffic to end, and a full
   * sync that changes nothing would otherwise list the connections of the whole list.
   */
  private Outcome cut(Outcome outcome, PackedList blocked) {
    if (outcome.added() == 0 || blocked.size() == 0) {
      return outcome;
    }
    try {
      return outcome.withConnectionsCut(cutter.cut(blocked));
    } catch (CommandFailedException e) {
      LOG.log(Level.WARNING, "blocklist: cannot end blocked connections: " + e.getMessage());
      return outcome.withConnectionsCut(-1);
    }
  }

  private boolean tryStart() {
    try {
      lists.start();
      error = null;
      LOG.log(Level.INFO, "blocklist: ready (" + lists.describe() + ")");
      return true;
    } catch (CommandFailedException | IOException | RuntimeException e) {
      error = e.getMessage();
      LOG.log(Level.ERROR, "blocklist: not ready: " + error);
      return false;
    }
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
      lists.reloadLongEntries();
      throw BlocklistException.failed(e.getMessage());
    } catch (TooManyEntriesException e) {
      throw BlocklistException.tooLarge(e.getMessage());
    } finally {
      lock.unlock();
    }
  }
}
