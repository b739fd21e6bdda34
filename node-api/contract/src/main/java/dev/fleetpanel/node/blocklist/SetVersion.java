package dev.fleetpanel.node.blocklist;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The version of a list: the SHA-256, in lower-case hex (64 characters), of its distinct entries'
 * canonical text ({@link EntryText}) in canonical order ({@link EntryOrder}), each followed by a
 * newline. Both families of a list are hashed together, IPv4 first. The empty list's version is
 * {@link #EMPTY}. The panel computes the version of the list it wants with {@link #of}; the agent
 * reports the version of what its sets hold, so equal versions mean equal content.
 */
public final class SetVersion {

  public static final String EMPTY = hasher().finish();

  private SetVersion() {}

  /**
   * The version of {@code entries} in any order, duplicates and non-canonical spellings allowed.
   *
   * @throws IllegalArgumentException naming the first text that is not an entry
   */
  public static String of(Collection<String> entries) {
    List<BlocklistEntry> parsed = new ArrayList<>(entries.size());
    for (String text : entries) {
      parsed.add(BlocklistEntry.parse(text));
    }
    return ofEntries(parsed);
  }

  /** The version of {@code entries} in any order, duplicates allowed. */
  public static String ofEntries(Collection<BlocklistEntry> entries) {
    Hasher hasher = hasher();
    for (BlocklistEntry entry : new TreeSet<>(entries)) {
      hasher.add(entry);
    }
    return hasher.finish();
  }

  public static Hasher hasher() {
    return new Hasher();
  }

  /**
   * Hashes entries given one by one in strictly ascending canonical order (a duplicate or an entry
   * out of order is a programming error: {@link IllegalStateException}). Not thread-safe.
   */
  public static final class Hasher {
    private static final int BUFFER = 64 * 1024;

    private final MessageDigest digest;
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private long count;
    private boolean lastIpv6;
    private long lastHi;
    private long lastLo;
    private int lastPrefix = -1;

    private Hasher() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    public void add(BlocklistEntry entry) {
      if (entry.ipv6()) {
        addIpv6(entry.hi(), entry.lo(), entry.prefix());
      } else {
        addIpv4(entry.lo(), entry.prefix());
      }
    }

    /** Adds an IPv4 entry ({@code address} in the low 32 bits, host bits cleared). */
    public void addIpv4(long address, int prefix) {
      order(false, 0, address, prefix);
      room();
      used = EntryText.writeIpv4(buffer, used, address, prefix);
      buffer[used++] = '\n';
    }

    /** Adds an IPv6 entry (host bits cleared). */
    public void addIpv6(long hi, long lo, int prefix) {
      order(true, hi, lo, prefix);
      room();
      used = EntryText.writeIpv6(buffer, used, hi, lo, prefix);
      buffer[used++] = '\n';
    }

    /** How many entries were added. */
    public long count() {
      return count;
    }

    /** The version; the hasher must not be used afterwards. */
    public String finish() {
      digest.update(buffer, 0, used);
      used = 0;
      return HexFormat.of().formatHex(digest.digest());
    }

    private void order(boolean ipv6, long hi, long lo, int prefix) {
      if (count > 0
          && EntryOrder.compare(lastIpv6, lastHi, lastLo, lastPrefix, ipv6, hi, lo, prefix) >= 0) {
        throw new IllegalStateException("entries must be added in ascending order, each once");
      }
      lastIpv6 = ipv6;
      lastHi = hi;
      lastLo = lo;
      lastPrefix = prefix;
      count++;
    }

    private void room() {
      if (used + EntryText.MAX_BYTES + 1 > BUFFER) {
        digest.update(buffer, 0, used);
        used = 0;
      }
    }
  }
}
