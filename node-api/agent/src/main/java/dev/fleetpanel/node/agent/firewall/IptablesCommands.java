package dev.fleetpanel.node.agent.firewall;

import java.util.List;

/**
 * {@code iptables} or {@code ip6tables} argument lists for the agent's own chains. Every command
 * waits up to {@link #LOCK_WAIT_SECONDS} for the xtables lock ({@code -w}) instead of failing when
 * another tool holds it.
 */
public final class IptablesCommands {

  public static final String LOCK_WAIT_SECONDS = "5";

  private final String program;

  private IptablesCommands(String program) {
    this.program = program;
  }

  public static IptablesCommands of(boolean ipv6) {
    return new IptablesCommands(ipv6 ? "ip6tables" : "iptables");
  }

  /** Creates a chain; fails (exit 1) when it exists. */
  public List<String> newChain(String chain) {
    return command("-N", chain);
  }

  /** Lists a chain's rules as {@code -A} lines; fails when the chain does not exist. */
  public List<String> listChain(String chain) {
    return command("-S", chain);
  }

  /** Exits 0 when {@code parent} jumps to {@code chain}, 1 when not. */
  public List<String> checkJump(String parent, String chain) {
    return command("-C", parent, "-j", chain);
  }

  /** Puts the jump to {@code chain} first in {@code parent}. */
  public List<String> insertJump(String parent, String chain) {
    return command("-I", parent, "1", "-j", chain);
  }

  /** Exits 0 when {@code chain} drops packets whose {@code src}/{@code dst} is in {@code set}. */
  public List<String> checkDrop(String chain, String set, String match) {
    return command("-C", chain, "-m", "set", "--match-set", set, match, "-j", "DROP");
  }

  public List<String> appendDrop(String chain, String set, String match) {
    return command("-A", chain, "-m", "set", "--match-set", set, match, "-j", "DROP");
  }

  private List<String> command(String... words) {
    String[] argv = new String[words.length + 3];
    argv[0] = program;
    argv[1] = "-w";
    argv[2] = LOCK_WAIT_SECONDS;
    System.arraycopy(words, 0, argv, 3, words.length);
    return List.of(argv);
  }
}
