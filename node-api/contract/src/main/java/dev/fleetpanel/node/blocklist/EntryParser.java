package dev.fleetpanel.node.blocklist;

/**
 * Parses one blocklist entry without allocating: an IPv4 dotted quad or an IPv6 literal (RFC 4291
 * text forms, optionally ending in a dotted quad), with an optional {@code /prefix}. Host bits are
 * cleared, as {@code ipset} does for {@code hash:net} ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
 * Refused: host names, ranges ({@code a-b}), zone ids, brackets, an octet with a leading zero
 * ({@code 010.1.1.1}, which {@code ipset} would read as octal 8.1.1.1) and a prefix with one.
 *
 * <p>After a successful {@link #parse}, an IPv4 entry has {@link #hi()} 0 and its address in the
 * low 32 bits of {@link #lo()}; an IPv6 entry has its 128 bits in {@link #hi()} and {@link #lo()}.
 * One instance is reused entry after entry (not thread-safe).
 */
public final class EntryParser {

  /** The longest entry accepted, in characters ({@code ffff:...:255.255.255.255/128}). */
  public static final int MAX_LENGTH = 49;

  private final int[] words = new int[8];
  private final char[] chars = new char[MAX_LENGTH];
  private boolean ipv6;
  private long hi;
  private long lo;
  private int prefix;
  private Failure failure;

  /** Why an entry is not valid: {@link #text} in English, for logs, the wire and the API. */
  public enum Failure {
    EMPTY("empty"),
    TOO_LONG("too long for an address or network"),
    NOT_IPV6("not an IPv6 address or network"),
    NOT_IPV4("not an IPv4 address or network"),
    /** The prefix is not a number up to the family's bits (32 or 128). */
    PREFIX("prefix length must be 0-");

    private final String text;

    Failure(String text) {
      this.text = text;
    }
  }

  /**
   * @return whether {@code text} is a valid entry; if not, {@link #error()} says why
   */
  public boolean parse(CharSequence text) {
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return fail(Failure.EMPTY);
    }
    if (end - start > MAX_LENGTH) {
      return fail(Failure.TOO_LONG);
    }
    int length = end - start;
    if (text instanceof String string) {
      string.getChars(start, end, chars, 0);
    } else {
      for (int i = 0; i < length; i++) {
        chars[i] = text.charAt(start + i);
      }
    }
    return parse(chars, length);
  }

  /** Parses {@code c[0, length)}, already trimmed. */
  private boolean parse(char[] c, int length) {
    int slash = indexOf(c, '/', 0, length);
    int addressEnd = slash < 0 ? length : slash;
    ipv6 = indexOf(c, ':', 0, addressEnd) >= 0;
    if (ipv6) {
      if (!parseIpv6(c, 0, addressEnd)) {
        return fail(Failure.NOT_IPV6);
      }
    } else {
      long address = ipv4(c, 0, addressEnd);
      if (address < 0) {
        return fail(Failure.NOT_IPV4);
      }
      hi = 0;
      lo = address;
    }
    int max = ipv6 ? 128 : 32;
    prefix = slash < 0 ? max : number(c, slash + 1, length);
    if (prefix < 0 || prefix > max) {
      return fail(Failure.PREFIX);
    }
    clearHostBits();
    failure = null;
    return true;
  }

  public boolean ipv6() {
    return ipv6;
  }

  /** The high 64 bits of an IPv6 address; 0 for IPv4. */
  public long hi() {
    return hi;
  }

  /** The low 64 bits of an IPv6 address, or the IPv4 address (0 to 2^32-1). */
  public long lo() {
    return lo;
  }

  public int prefix() {
    return prefix;
  }

  /** Why the last {@link #parse} failed, in English; null after a success. */
  public String error() {
    if (failure == null) {
      return null;
    }
    return failure == Failure.PREFIX ? failure.text + (ipv6 ? 128 : 32) : failure.text;
  }

  /**
   * Why the last {@link #parse} failed; null after a success. After {@link Failure#PREFIX}, {@link
   * #ipv6()} tells the family.
   */
  public Failure failure() {
    return failure;
  }

  private boolean fail(Failure why) {
    failure = why;
    return false;
  }

  private void clearHostBits() {
    if (!ipv6) {
      lo &= prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    } else if (prefix <= 64) {
      hi &= prefix == 0 ? 0 : -1L << (64 - prefix);
      lo = 0;
    } else if (prefix < 128) {
      lo &= -1L << (128 - prefix);
    }
  }

  /** A dotted quad in {@code [start, end)}, or -1. */
  static long ipv4(char[] text, int start, int end) {
    long address = 0;
    int parts = 0;
    int i = start;
    while (true) {
      int digits = i;
      int value = 0;
      while (i < end && i - digits < 4 && isDigit(text[i])) {
        value = value * 10 + text[i] - '0';
        i++;
      }
      int length = i - digits;
      if (length == 0 || length > 3 || value > 255 || (length > 1 && text[digits] == '0')) {
        return -1;
      }
      address = address << 8 | value;
      parts++;
      if (i == end) {
        return parts == 4 ? address : -1;
      }
      if (text[i] != '.' || parts == 4) {
        return -1;
      }
      i++;
    }
  }

  private boolean parseIpv6(char[] text, int start, int end) {
    int count = 0;
    int gap = -1;
    int i = start;
    if (end - start >= 2 && text[start] == ':' && text[start + 1] == ':') {
      gap = 0;
      i += 2;
    }
    while (i < end) {
      int j = i;
      while (j < end && text[j] != ':') {
        j++;
      }
      if (indexOf(text, '.', i, j) >= 0) {
        long v4 = j == end && count <= 6 ? ipv4(text, i, j) : -1;
        if (v4 < 0) {
          return false;
        }
        words[count++] = (int) (v4 >>> 16);
        words[count++] = (int) (v4 & 0xFFFF);
        break;
      }
      int group = hexGroup(text, i, j);
      if (group < 0 || count == 8) {
        return false;
      }
      words[count++] = group;
      if (j == end) {
        break;
      }
      if (j + 1 < end && text[j + 1] == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = count;
        i = j + 2;
      } else if (j + 1 == end) {
        return false;
      } else {
        i = j + 1;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return false;
    }
    fill(count, gap);
    return true;
  }

  /** Spreads the parsed groups over eight words, the zeros of {@code ::} at {@code gap}. */
  private void fill(int count, int gap) {
    long high = 0;
    long low = 0;
    int zeros = 8 - count;
    int source = 0;
    for (int word = 0; word < 8; word++) {
      int value;
      if (gap >= 0 && word >= gap && word < gap + zeros) {
        value = 0;
      } else {
        value = words[source++];
      }
      if (word < 4) {
        high = high << 16 | value;
      } else {
        low = low << 16 | value;
      }
    }
    hi = high;
    lo = low;
  }

  private static int hexGroup(char[] text, int start, int end) {
    if (end - start < 1 || end - start > 4) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      int digit = Character.digit(text[i], 16);
      if (digit < 0 || text[i] > 'f') {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /** A decimal number of one to three digits without a leading zero, or -1. */
  private static int number(char[] text, int start, int end) {
    if (end - start < 1 || end - start > 3 || (end - start > 1 && text[start] == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      if (!isDigit(text[i])) {
        return -1;
      }
      value = value * 10 + text[i] - '0';
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int indexOf(char[] text, char c, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
