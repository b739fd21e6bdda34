package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandFailedException;
import dev.fleetpanel.node.agent.exec.CommandResult;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.agent.firewall.IpsetCommands;
import dev.fleetpanel.node.agent.firewall.IpsetHeader;
import dev.fleetpanel.node.agent.firewall.IpsetHeaderParser;
import dev.fleetpanel.node.agent.firewall.IpsetSaveParser;
import dev.fleetpanel.node.agent.firewall.IpsetSpec;
import dev.fleetpanel.node.agent.firewall.RestoreScript;
import dev.fleetpanel.node.blocklist.EntryParser;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The agent's view of the kernel's sets, through {@code ipset}. */
final class KernelSets {

  /** A restore script, written to the process as it reads. */
  @FunctionalInterface
  interface Script {
    void write(RestoreScript script) throws IOException;
  }

  private final CommandRunner runner;

  KernelSets(CommandRunner runner) {
    this.runner = runner;
  }

  /** The set's header, or empty when it does not exist. */
  Optional<IpsetHeader> header(String name) throws CommandFailedException {
    CommandResult result = runner.run(Command.of(IpsetCommands.header(name)));
    if (!result.ok()) {
      if (result.stderr().contains("does not exist")) {
        return Optional.empty();
      }
      throw new CommandFailedException(result);
    }
    return Optional.of(
        IpsetHeaderParser.parse(result.stdout())
            .orElseThrow(
                () ->
                    new CommandFailedException(
                        "ipset list: unreadable header of " + name, result)));
  }

  /**
   * Creates the set unless it exists; one that exists with other options (another maximum, no
   * timeout) but the same type and family is used as it is.
   */
  void ensure(IpsetSpec spec) throws CommandFailedException {
    CommandResult result = runner.run(Command.of(IpsetCommands.create(spec)));
    if (result.ok()) {
      return;
    }
    Optional<IpsetHeader> existing = header(spec.name());
    boolean usable =
        existing.isPresent()
            && existing.get().type().equals("hash:net")
            && existing.get().family().equals(spec.ipv6() ? "inet6" : "inet")
            && (spec.timeout() == 0) == (existing.get().timeout() == 0);
    if (!usable) {
      throw new CommandFailedException(result);
    }
  }

  void destroyIfExists(String name) throws CommandFailedException {
    CommandResult result = runner.run(Command.of(IpsetCommands.destroy(name)));
    if (!result.ok() && !result.stderr().contains("does not exist")) {
      throw new CommandFailedException(result);
    }
  }

  /** Adds the set's entries to {@code into}, streamed from {@code ipset save}. */
  void load(String name, PackedListBuilder into) throws CommandFailedException {
    EntryParser parser = new EntryParser();
    CommandResult result =
        runner.run(
            Command.of(IpsetCommands.save(name))
                .timeout(Duration.ofSeconds(120))
                .lines(
                    line -> {
                      String member = IpsetSaveParser.member(line);
                      if (member != null && parser.parse(member)) {
                        if (parser.ipv6()) {
                          into.addIpv6(parser.hi(), parser.lo(), parser.prefix());
                        } else {
                          into.addIpv4(parser.lo(), parser.prefix());
                        }
                      }
                    }));
    if (!result.ok()) {
      throw new CommandFailedException(result);
    }
  }

  /**
   * Runs one {@code ipset restore -exist} fed by {@code script}. The process stops at the first
   * line it cannot apply; the lines before it stay applied.
   *
   * @param entries how many lines to expect, for the deadline (30 s plus 1 s per 20,000)
   */
  void restore(long entries, Script script) throws CommandFailedException {
    Duration deadline = Duration.ofSeconds(30 + entries / 20_000);
    CommandResult result =
        runner.run(
            Command.of(IpsetCommands.restore())
                .timeout(deadline)
                .input(
                    in -> {
                      RestoreScript restore = new RestoreScript(in);
                      script.write(restore);
                      restore.finish();
                    }));
    if (!result.ok()) {
      throw new CommandFailedException(result);
    }
  }
}
