package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandResult;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.agent.firewall.IpAddrParser;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of the node's interfaces, read with {@code ip} each time they are needed (in the
 * agent's namespace, so a test node in a namespace has its own), since interfaces come and go.
 */
final class NodeAddresses {

  private final CommandRunner runner;

  NodeAddresses(CommandRunner runner) {
    this.runner = runner;
  }

  List<BlocklistEntry> read() throws CommandFailedException {
    CommandResult result = runner.run(Command.of(IpAddrParser.command()));
    if (!result.ok()) {
      throw new CommandFailedException(result);
    }
    List<BlocklistEntry> addresses = new ArrayList<>();
    for (String address : IpAddrParser.addresses(result.stdout())) {
      Optional<BlocklistEntry> entry = BlocklistEntry.tryParse(address);
      entry.ifPresent(addresses::add);
    }
    return addresses;
  }
}
