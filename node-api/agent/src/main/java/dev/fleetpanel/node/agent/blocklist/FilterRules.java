package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandResult;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.agent.firewall.IptablesCommands;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import java.util.List;

/**
 * The agent's own chains, {@code FLEETPANEL_IN} (jumped to first from {@code INPUT}, dropping
 * sources in the incoming sets) and {@code FLEETPANEL_OUT} (first in {@code OUTPUT}, dropping
 * destinations in the outgoing sets), in {@code iptables} and {@code ip6tables}. Each rule is
 * checked with {@code -C} before it is added, so they are never duplicated however often the agent
 * starts; other tools' rules are left alone.
 */
final class FilterRules {

  static final String IN_CHAIN = "FLEETPANEL_IN";
  static final String OUT_CHAIN = "FLEETPANEL_OUT";

  private final CommandRunner runner;
  private final SetLayout layout;

  FilterRules(CommandRunner runner, SetLayout layout) {
    this.runner = runner;
    this.layout = layout;
  }

  static String chain(Direction direction) {
    return direction == Direction.IN ? IN_CHAIN : OUT_CHAIN;
  }

  static String parent(Direction direction) {
    return direction == Direction.IN ? "INPUT" : "OUTPUT";
  }

  static String match(Direction direction) {
    return direction == Direction.IN ? "src" : "dst";
  }

  /** Creates what is missing: chains, their drop rules, then the jumps to them. */
  void ensure() throws CommandFailedException {
    for (boolean ipv6 : List.of(false, true)) {
      IptablesCommands iptables = IptablesCommands.of(ipv6);
      for (Direction direction : Direction.values()) {
        String chain = chain(direction);
        if (!succeeds(iptables.listChain(chain))) {
          required(iptables.newChain(chain));
        }
        for (ListKind kind : ListKind.values()) {
          String set = layout.live(direction, kind, ipv6).name();
          if (!succeeds(iptables.checkDrop(chain, set, match(direction)))) {
            required(iptables.appendDrop(chain, set, match(direction)));
          }
        }
        if (!succeeds(iptables.checkJump(parent(direction), chain))) {
          required(iptables.insertJump(parent(direction), chain));
        }
      }
    }
  }

  /** Whether every rule of {@code direction} is in place, in both families. */
  boolean exist(Direction direction) throws CommandFailedException {
    for (boolean ipv6 : List.of(false, true)) {
      IptablesCommands iptables = IptablesCommands.of(ipv6);
      if (!succeeds(iptables.checkJump(parent(direction), chain(direction)))) {
        return false;
      }
      for (ListKind kind : ListKind.values()) {
        String set = layout.live(direction, kind, ipv6).name();
        if (!succeeds(iptables.checkDrop(chain(direction), set, match(direction)))) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean succeeds(List<String> argv) throws CommandFailedException {
    return runner.run(Command.of(argv)).ok();
  }

  private void required(List<String> argv) throws CommandFailedException {
    CommandResult result = runner.run(Command.of(argv));
    if (!result.ok()) {
      throw new CommandFailedException(result);
    }
  }
}
