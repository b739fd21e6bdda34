package dev.fleetpanel.node.agent.firewall;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes the lines {@code ipset restore} reads, one command each, to a stream: sets are created,
 * filled, swapped and destroyed by one process, so a list of a million entries goes through one
 * pipe instead of a million commands. Entries are written as given (canonical text).
 */
public final class RestoreScript {

  private final Writer out;

  public RestoreScript(Writer out) {
    this.out = out;
  }

  /** {@code create <name> hash:net family inet hashsize N maxelem M [timeout T]}. */
  public static String createLine(IpsetSpec spec) {
    return "create "
        + spec.name()
        + " hash:net family "
        + (spec.ipv6() ? "inet6" : "inet")
        + " hashsize "
        + spec.hashSize()
        + " maxelem "
        + spec.maxElements()
        + (spec.timeout() > 0 ? " timeout " + spec.timeout() : "");
  }

  public RestoreScript create(IpsetSpec spec) throws IOException {
    return line(createLine(spec));
  }

  /**
   * {@code add <set> <entry> [timeout N]}.
   *
   * @param timeout seconds, or 0 for the set's default (or none)
   */
  public RestoreScript add(String set, CharSequence entry, int timeout) throws IOException {
    out.write("add ");
    out.write(set);
    out.write(' ');
    out.append(entry);
    if (timeout > 0) {
      out.write(" timeout ");
      out.write(Integer.toString(timeout));
    }
    out.write('\n');
    return this;
  }

  public RestoreScript del(String set, CharSequence entry) throws IOException {
    out.write("del ");
    out.write(set);
    out.write(' ');
    out.append(entry);
    out.write('\n');
    return this;
  }

  public RestoreScript flush(String set) throws IOException {
    return line("flush " + set);
  }

  /** Exchanges the contents of two sets of the same type and family, atomically for the kernel. */
  public RestoreScript swap(String a, String b) throws IOException {
    return line("swap " + a + " " + b);
  }

  public RestoreScript destroy(String set) throws IOException {
    return line("destroy " + set);
  }

  /** Flushes buffered lines to the process. */
  public void finish() throws IOException {
    out.flush();
  }

  private RestoreScript line(String line) throws IOException {
    out.write(line);
    out.write('\n');
    return this;
  }
}
