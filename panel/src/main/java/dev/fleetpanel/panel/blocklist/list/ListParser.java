package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Refusal;
import dev.fleetpanel.panel.platform.i18n.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads a blocklist, downloaded or pasted, into a merged {@link NetworkList}. One entry per line:
 * an IPv4 or IPv6 address or network ({@code /prefix}, host bits cleared), an IPv4 network with a
 * contiguous netmask ({@code 1.2.3.0/255.255.255.0}), or a range {@code first-last} of one family
 * (spaces around the dash allowed), which becomes the networks that cover exactly that range.
 * Ignored: blank lines, comment lines starting with {@code #}, {@code ;} or {@code //}, a comment
 * after an entry (from the first {@code #}, {@code ;} or {@code //}), white space around it, a
 * UTF-8 byte order mark and CR of CRLF line ends.
 *
 * <p>Every other line is garbage (host names, octets with a leading zero, lines over {@link
 * #MAX_LINE} bytes, ...); a network or range that is, contains or overlaps a non-public range
 * ({@code NonPublicRanges}) is refused. Both are counted, the first {@link Limits#maxProblems()} of
 * each reported with their line, and the rest of the list is used. A list over its {@link Limits}
 * throws {@link TooLargeException}. The input is read as bytes, 64 KiB at a time, never as one
 * string; lines are parsed from a reused buffer.
 */
public final class ListParser {

  /** The longest line read, in bytes; a longer one is garbage unless it is a comment. */
  public static final int MAX_LINE = 1024;

  /** The most bytes of a line shown in a {@link Problem} (cut on a character boundary). */
  public static final int TEXT_SHOWN = 100;

  private static final int BUFFER = 64 * 1024;

  /**
   * How much of a list is accepted: entries of the merged list (both families), bytes read, and
   * problems listed per kind (the rest are counted).
   */
  public record Limits(int maxEntries, long maxBytes, int maxProblems) {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_MAX_PROBLEMS = 100;

    /** A million entries (what one kernel set holds), 256 MiB, 100 problems of each kind. */
    public static final Limits DEFAULT =
        new Limits(BlocklistApi.MAX_ENTRIES, DEFAULT_MAX_BYTES, DEFAULT_MAX_PROBLEMS);

    public Limits {
      if (maxEntries < 0 || maxBytes < 0 || maxProblems < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }

    /** Entries and bytes, with {@link #DEFAULT_MAX_PROBLEMS} problems listed per kind. */
    public Limits(int maxEntries, long maxBytes) {
      this(maxEntries, maxBytes, DEFAULT_MAX_PROBLEMS);
    }
  }

  /**
   * A list over its {@link Limits}: nothing of it is used (a caller keeps its last good copy). The
   * message says which limit was passed and its value.
   */
  public static final class TooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Which limit was passed. */
    public enum Limit {
      /** More entries, after merging, than {@link Limits#maxEntries()}. */
      ENTRIES,
      /** More bytes than {@link Limits#maxBytes()}. */
      BYTES
    }

    private final Limit limit;
    private final long value;

    private TooLargeException(Limit limit, long value, String message) {
      super(message);
      this.limit = limit;
      this.value = value;
    }

    static TooLargeException entries(long max) {
      return new TooLargeException(
          Limit.ENTRIES,
          max,
          String.format(Locale.ROOT, "the list has more than %,d entries after merging", max));
    }

    static TooLargeException bytes(long max) {
      return new TooLargeException(
          Limit.BYTES,
          max,
          String.format(
              Locale.ROOT, "the list is larger than %,d bytes; reading stopped there", max));
    }

    public Limit limit() {
      return limit;
    }

    /** The limit's value, in entries or bytes. */
    public long value() {
      return value;
    }
  }

  /**
   * A line that was not used: its number (from 1), its text (trimmed, at most {@link #TEXT_SHOWN}
   * bytes, then "…") and why, to be put into the reader's language.
   */
  public record Problem(int line, String text, Text why, Kind kind) {

    /** Why, in English, as the JSON API says it: a refusal starts with {@code non_public: }. */
    public String reason() {
      String english = why.localized(Locale.ENGLISH);
      return kind == Kind.REFUSED ? Refusal.NON_PUBLIC + ": " + english : english;
    }

    public enum Kind {
      /** Not an address, network or range. */
      GARBAGE,
      /** A network the agents would refuse: the reason starts with {@code non_public:}. */
      REFUSED
    }
  }

  /**
   * The merged list and what reading it found: {@code lines} read, {@code accepted} entries and
   * ranges before merging (duplicates counted), {@code garbage} and {@code refused} lines, the
   * first problems of each kind in line order, and the {@code bytes} read.
   */
  public record Parsed(
      NetworkList list,
      int lines,
      int accepted,
      int garbage,
      int refused,
      List<Problem> problems,
      long bytes) {

    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  private ListParser() {}

  /**
   * Reads {@code in} to its end (UTF-8 or ASCII), without closing it.
   *
   * @throws TooLargeException as soon as more than {@code maxBytes} were read, or when the merged
   *     list has more than {@code maxEntries} entries
   */
  public static Parsed parse(InputStream in, Limits limits) throws IOException {
    LineParser lines = new LineParser(limits);
    byte[] buffer = new byte[BUFFER];
    byte[] line = new byte[MAX_LINE];
    int length = 0;
    boolean overlong = false;
    long total = 0;
    int read;
    while ((read = in.read(buffer)) != -1) {
      total += read;
      if (total > limits.maxBytes()) {
        throw TooLargeException.bytes(limits.maxBytes());
      }
      for (int i = 0; i < read; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          lines.line(line, length, overlong);
          length = 0;
          overlong = false;
        } else if (length < MAX_LINE) {
          line[length++] = b;
        } else {
          overlong = true;
        }
      }
    }
    if (length > 0 || overlong) {
      lines.line(line, length, overlong);
    }
    return lines.finish(total);
  }

  /**
   * Reads pasted text; its limit in bytes is that of its UTF-8 form.
   *
   * @throws TooLargeException when the text is over a limit
   */
  public static Parsed parse(String text, Limits limits) throws TooLargeException {
    try {
      return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limits);
    } catch (TooLargeException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory does not fail", e);
    }
  }
}
