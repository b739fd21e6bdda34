package dev.fleetpanel.node.agent.firewall;

import java.util.ArrayList;
import java.util.List;

/** {@code ipset} argument lists. */
public final class IpsetCommands {

  private IpsetCommands() {}

  /**
   * {@code ipset restore -exist}: reads a {@link RestoreScript} on standard input; with {@code
   * -exist}, creating a set that exists with the same options, adding a present entry (its timeout
   * is updated) and deleting an absent one are not errors.
   */
  public static List<String> restore() {
    return List.of("ipset", "restore", "-exist");
  }

  /**
   * {@code ipset create <name> hash:net family inet[6] hashsize N maxelem M [timeout T] -exist}.
   */
  public static List<String> create(IpsetSpec spec) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "ipset",
                "create",
                spec.name(),
                "hash:net",
                "family",
                spec.ipv6() ? "inet6" : "inet",
                "hashsize",
                Integer.toString(spec.hashSize()),
                "maxelem",
                Integer.toString(spec.maxElements())));
    if (spec.timeout() > 0) {
      argv.add("timeout");
      argv.add(Integer.toString(spec.timeout()));
    }
    argv.add("-exist");
    return argv;
  }

  public static List<String> destroy(String name) {
    return List.of("ipset", "destroy", name);
  }

  /** The header only: type, options, references and the number of entries. */
  public static List<String> header(String name) {
    return List.of("ipset", "list", "-terse", name);
  }

  /** Every entry, one {@code add <set> <entry> [timeout N]} line each, in no particular order. */
  public static List<String> save(String name) {
    return List.of("ipset", "save", name);
  }
}
