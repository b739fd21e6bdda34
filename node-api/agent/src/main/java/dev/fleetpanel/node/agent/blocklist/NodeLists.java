package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.blocklist.Direction;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four lists of a node with their kernel sets, filter rules and files, and how the kernel is
 * brought back to them: sets first, then the permanent lists, then the rules that use the sets,
 * then the long temporary entries. Not thread-safe: {@link BlocklistService} holds the lock.
 */
final class NodeLists {

  private static final System.Logger LOG = System.getLogger(NodeLists.class.getName());

  private final Clock clock;
  private final StateDir state;
  private final SetLayout layout;
  private final KernelSets kernel;
  private final FilterRules rules;
  private final TemporaryTimeout timeout;
  private final Map<Direction, PermanentList> permanent = new EnumMap<>(Direction.class);
  private final Map<Direction, TemporaryList> temporary = new EnumMap<>(Direction.class);

  NodeLists(BlocklistConfig config, CommandRunner runner, Clock clock) {
    this.clock = clock;
    this.state = new StateDir(config.stateDir());
    this.layout = new SetLayout(config.maxEntries());
    this.kernel = new KernelSets(runner);
    this.rules = new FilterRules(runner, layout);
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

  StateDir state() {
    return state;
  }

  TemporaryTimeout timeout() {
    return timeout;
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  /** Reads the settings and brings the kernel to the lists. */
  void start() throws CommandFailedException, IOException {
    state.create();
    timeout.load();
    restoreKernel();
  }

  /** The direction's permanent list, its kernel sets restored first if they differ from it. */
  PermanentList permanent(Direction direction) throws CommandFailedException, IOException {
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

  TemporaryList temporary(Direction direction) {
    return temporary.get(direction);
  }

  BlocklistStatus status() throws CommandFailedException, IOException {
    for (Direction direction : Direction.values()) {
      permanent(direction);
    }
    return StatusReport.read(layout, kernel, rules, permanent, temporary, timeout.get());
  }

  void rearm() throws CommandFailedException, IOException {
    for (TemporaryList list : temporary.values()) {
      list.rearm(now());
    }
  }

  /** After a failed change: the long temporary records as they are on disk. */
  void reloadLongEntries() {
    for (TemporaryList list : temporary.values()) {
      try {
        list.longEntries().load();
      } catch (IOException e) {
        LOG.log(Level.ERROR, "blocklist: " + e.getMessage());
      }
    }
  }

  String describe() {
    StringBuilder out = new StringBuilder();
    for (Direction direction : Direction.values()) {
      out.append(direction.wire())
          .append(": ")
          .append(permanent.get(direction).snapshot().size())
          .append(" permanent; ");
    }
    return out.append("state in ").append(state.path()).toString();
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
}
