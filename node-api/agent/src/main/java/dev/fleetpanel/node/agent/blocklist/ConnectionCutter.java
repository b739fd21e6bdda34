package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandResult;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.agent.firewall.ConntrackCommands;
import dev.fleetpanel.node.agent.firewall.ConntrackFlowParser;
import dev.fleetpanel.node.blocklist.EntryParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends the tracked connections of newly blocked addresses, so that an established connection does
 * not outlive its block in the connection table. The table is listed once per family and every flow
 * whose original source or destination a blocked entry covers is deleted, in one batch: both ends,
 * whatever the list's direction, because blocking either way breaks a connection both ways (blocked
 * incoming packets include the replies to our own connections). A single {@code -D} per entry would
 * cost a process and a table walk each, too slow for a list of a million.
 */
final class ConnectionCutter {

  /**
   * Addresses whose flows are deleted per change at most; beyond it the table's own timeouts finish
   * the job.
   */
  static final int MAX_DELETIONS = 10_000;

  private final CommandRunner runner;

  ConnectionCutter(CommandRunner runner) {
    this.runner = runner;
  }

  /**
   * Deletes the flows {@code blocked} covers.
   *
   * @return how many addresses had their flows deleted
   */
  int cut(PackedList blocked) throws CommandFailedException {
    Set<String> ipv4 = new LinkedHashSet<>();
    Set<String> ipv6 = new LinkedHashSet<>();
    if (blocked.ipv4Count() > 0) {
      collect(false, blocked, ipv4);
    }
    if (blocked.ipv6Count() > 0) {
      collect(true, blocked, ipv6);
    }
    if (ipv4.isEmpty() && ipv6.isEmpty()) {
      return 0;
    }
    CommandResult result =
        runner.run(
            Command.of(ConntrackCommands.batch())
                .input(
                    in -> {
                      Writer writer =
                          new BufferedWriter(new OutputStreamWriter(in, StandardCharsets.US_ASCII));
                      write(writer, false, ipv4);
                      write(writer, true, ipv6);
                      writer.flush();
                    }));
    if (!result.ok()) {
      throw new CommandFailedException(result);
    }
    return ipv4.size() + ipv6.size();
  }

  private static void write(Writer writer, boolean ipv6, Set<String> addresses) throws IOException {
    for (String address : addresses) {
      writer.write(ConntrackCommands.deleteSource(ipv6, address));
      writer.write('\n');
      writer.write(ConntrackCommands.deleteDestination(ipv6, address));
      writer.write('\n');
    }
  }

  /** Lists the family's flows and keeps their addresses that {@code blocked} covers. */
  private void collect(boolean ipv6, PackedList blocked, Set<String> addresses)
      throws CommandFailedException {
    EntryParser parser = new EntryParser();
    CommandResult result =
        runner.run(
            Command.of(ConntrackCommands.list(ipv6))
                .lines(
                    line -> {
                      ConntrackFlowParser.Flow flow = ConntrackFlowParser.parse(line);
                      if (flow == null || addresses.size() >= MAX_DELETIONS) {
                        return;
                      }
                      for (String address : List.of(flow.source(), flow.destination())) {
                        if (covered(parser, address, blocked)) {
                          addresses.add(address);
                        }
                      }
                    }));
    if (!result.ok()) {
      throw new CommandFailedException(result);
    }
  }

  private static boolean covered(EntryParser parser, String address, PackedList blocked) {
    if (!parser.parse(address)) {
      return false;
    }
    return parser.ipv6()
        ? blocked.coversIpv6(parser.hi(), parser.lo())
        : blocked.coversIpv4(parser.lo());
  }
}
