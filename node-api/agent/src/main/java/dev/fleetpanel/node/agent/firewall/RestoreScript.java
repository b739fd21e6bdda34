package dev.fleetpanel.node.agent.firewall;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the lines {@code ipset restore} reads, one command each, to a stream: sets are created,
 * filled, swapped and destroyed by one process, so a list of a million entries goes through one
 * pipe instead of a million commands. Entries are written as given (canonical text, ASCII), from
 * bytes for the million-line case. Buffered; {@link #finish()} flushes.
 */
public final class RestoreScript {

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private int used;
  private String lastSet = "";
  private byte[] lastSetBytes = new byte[0];

  public RestoreScript(OutputStream out) {
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
    byte[] text = entry.toString().getBytes(StandardCharsets.US_ASCII);
    return add(set, text, text.length, timeout);
  }

  /**
   * {@code add <set> <entry> [timeout N]}, the entry the first {@code length} bytes of {@code
   * entry}.
   */
  public RestoreScript add(String set, byte[] entry, int length, int timeout) throws IOException {
    command("add ", set, entry, length);
    if (timeout > 0) {
      put(" timeout ");
      put(Integer.toString(timeout));
    }
    return end();
  }

  public RestoreScript del(String set, CharSequence entry) throws IOException {
    byte[] text = entry.toString().getBytes(StandardCharsets.US_ASCII);
    return del(set, text, text.length);
  }

  public RestoreScript del(String set, byte[] entry, int length) throws IOException {
    command("del ", set, entry, length);
    return end();
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

  /** Hands the buffered lines to the process. */
  public void finish() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
    out.flush();
  }

  private void command(String verb, String set, byte[] entry, int length) throws IOException {
    if (!set.equals(lastSet)) {
      lastSet = set;
      lastSetBytes = set.getBytes(StandardCharsets.US_ASCII);
    }
    put(verb);
    put(lastSetBytes, lastSetBytes.length);
    put(" ");
    put(entry, length);
  }

  private RestoreScript line(String line) throws IOException {
    put(line);
    return end();
  }

  private RestoreScript end() throws IOException {
    put("\n");
    return this;
  }

  private void put(String ascii) throws IOException {
    byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    put(bytes, bytes.length);
  }

  private void put(byte[] bytes, int length) throws IOException {
    if (used + length > buffer.length) {
      out.write(buffer, 0, used);
      used = 0;
    }
    if (length > buffer.length) {
      out.write(bytes, 0, length);
      return;
    }
    System.arraycopy(bytes, 0, buffer, used, length);
    used += length;
  }
}
