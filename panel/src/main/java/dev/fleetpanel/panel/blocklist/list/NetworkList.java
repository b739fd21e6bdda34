package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.blocklist.EntryText;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * An immutable set of IPv4 and IPv6 addresses, held as sorted, disjoint, non-adjacent intervals in
 * primitive arrays (8 bytes per IPv4 interval, 32 per IPv6 one). Its entries are the minimal CIDR
 * cover of the set in canonical order ({@code EntryOrder}), so equal sets have equal entries, equal
 * {@link #contentHash()}es and are {@link #equals equal}, whatever overlapping, adjacent or
 * duplicate networks they were built from: {@code 1.2.3.0/25} and {@code 1.2.3.128/25} are {@code
 * 1.2.3.0/24}. The list does not judge its addresses (non-public ones are refused by {@link
 * ListParser}, not here). Safe to share between threads.
 */
public final class NetworkList {

  public static final NetworkList EMPTY = new NetworkList(new long[0], new long[0], null);

  /** The entries of one list not in another: see {@link NetworkList#diff}. */
  public record Diff(NetworkList added, NetworkList removed) {
    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty();
    }
  }

  private final long[] ipv4;
  private final long[] ipv6;
  private final int ipv4Count;
  private final int ipv6Count;
  private volatile String contentHash;

  /** Takes the arrays as they are: merged intervals, in order ({@link NetworkListBuilder}). */
  NetworkList(long[] ipv4, long[] ipv6, String contentHash) {
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
    this.contentHash = contentHash;
    long count = 0;
    for (long interval : ipv4) {
      count += Blocks.ipv4BlockCount(interval >>> 32, interval & Blocks.IPV4_MAX);
    }
    this.ipv4Count = entries(count);
    count = 0;
    for (int i = 0; i < ipv6.length; i += Ipv6Sort.WIDTH) {
      count += Blocks.ipv6BlockCount(ipv6[i], ipv6[i + 1], ipv6[i + 2], ipv6[i + 3]);
    }
    this.ipv6Count = entries(count + ipv4Count) - ipv4Count;
  }

  private static int entries(long count) {
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a list holds at most 2^31-1 entries");
    }
    return (int) count;
  }

  public static NetworkListBuilder builder() {
    return new NetworkListBuilder();
  }

  /**
   * The list of {@code entries} (any spelling {@link EntryParser} accepts), merged.
   *
   * @throws IllegalArgumentException naming the first text that is not an entry
   */
  public static NetworkList of(Collection<String> entries) {
    NetworkListBuilder builder = builder();
    EntryParser parser = new EntryParser();
    for (String text : entries) {
      if (!parser.parse(text)) {
        throw new IllegalArgumentException("'" + text + "': " + parser.error());
      }
      builder.add(parser);
    }
    return builder.build();
  }

  /** Every address of any of {@code lists}, merged. */
  public static NetworkList union(NetworkList... lists) {
    NetworkListBuilder builder = builder();
    for (NetworkList list : lists) {
      builder.addAll(list);
    }
    return builder.build();
  }

  /**
   * What changes {@code from}'s entries into {@code to}'s: the entries of {@code to} that {@code
   * from} does not have ({@code added}) and those of {@code from} that {@code to} does not have
   * ({@code removed}), compared entry by entry ({@code 1.2.3.0/25} replaced by {@code 1.2.3.0/24}
   * is one added and one removed), in one pass over both lists.
   */
  public static Diff diff(NetworkList from, NetworkList to) {
    return ListAlgebra.diff(from, to);
  }

  /** Every address of this list that is not in {@code other}. */
  public NetworkList minus(NetworkList other) {
    return ListAlgebra.minus(this, other);
  }

  /** The number of CIDR entries, both families. */
  public int size() {
    return ipv4Count + ipv6Count;
  }

  public boolean isEmpty() {
    return ipv4.length == 0 && ipv6.length == 0;
  }

  public int ipv4Count() {
    return ipv4Count;
  }

  public int ipv6Count() {
    return ipv6Count;
  }

  /** Gives every entry's canonical text in canonical order, one string at a time. */
  public void forEach(Consumer<String> action) {
    canonical().forEach(action);
  }

  /**
   * The canonical texts in canonical order, made one at a time as they are iterated (never all at
   * once), for example for {@code SyncBodyWriter.writeFull}.
   */
  public Iterable<String> canonical() {
    return () -> new CanonicalIterator(new EntryCursor(this));
  }

  /**
   * The {@link SetVersion} of the entries: what an agent reports once its set holds exactly this
   * list. Computed once.
   */
  public String contentHash() {
    String hash = contentHash;
    if (hash == null) {
      SetVersion.Hasher hasher = SetVersion.hasher();
      EntryCursor cursor = new EntryCursor(this);
      while (cursor.next()) {
        if (cursor.ipv6) {
          hasher.addIpv6(cursor.hi, cursor.lo, cursor.prefix);
        } else {
          hasher.addIpv4(cursor.lo, cursor.prefix);
        }
      }
      hash = hasher.finish();
      contentHash = hash;
    }
    return hash;
  }

  /**
   * Writes the list to {@code file} atomically (a file beside it, flushed, then renamed): a crash
   * leaves the previous file or the new one.
   */
  public void writeTo(Path file) throws IOException {
    NetworkListFile.write(this, file);
  }

  /**
   * Reads a list written by {@link #writeTo}.
   *
   * @throws CorruptListFileException when the file is not such a list, truncated or damaged
   */
  public static NetworkList readFrom(Path file) throws IOException {
    return NetworkListFile.read(file);
  }

  /** IPv4 intervals, {@code first << 32 | last}; not to be changed. */
  long[] ipv4Intervals() {
    return ipv4;
  }

  /** IPv6 intervals, (first hi, first lo, last hi, last lo) each; not to be changed. */
  long[] ipv6Intervals() {
    return ipv6;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkList other
        && Arrays.equals(ipv4, other.ipv4)
        && Arrays.equals(ipv6, other.ipv6);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ipv4) + Arrays.hashCode(ipv6);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("NetworkList[").append(size()).append(" entries");
    Iterator<String> texts = canonical().iterator();
    for (int i = 0; i < 5 && texts.hasNext(); i++) {
      out.append(i == 0 ? ": " : ", ").append(texts.next());
    }
    return out.append(size() > 5 ? ", ...]" : "]").toString();
  }

  private static final class CanonicalIterator implements Iterator<String> {
    private final EntryCursor cursor;
    private final byte[] text = new byte[EntryText.MAX_BYTES];
    private boolean ahead;

    CanonicalIterator(EntryCursor cursor) {
      this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
      if (!ahead) {
        ahead = cursor.next();
      }
      return ahead;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ahead = false;
      return cursor.text(text);
    }
  }
}
