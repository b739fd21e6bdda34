package dev.fleetpanel.node.blocklist;

/**
 * The canonical text of an entry: how {@code ipset list} prints a {@code hash:net} member. Host
 * bits are already cleared; {@code /32} and {@code /128} are left out; IPv6 is written as glibc's
 * {@code inet_ntop} writes it (lower-case hex without leading zeros, the longest run of two or more
 * zero groups, the first of equal runs, as {@code ::}, and {@code ::a.b.c.d} or {@code
 * ::ffff:a.b.c.d} for addresses whose first 96 bits are zero or IPv4-mapped). The text is ASCII; it
 * is written as bytes, the form it is hashed in, at most {@link #MAX_BYTES} of them.
 */
public final class EntryText {

  /** The longest canonical text: {@code ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127}. */
  public static final int MAX_BYTES = 43;

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private EntryText() {}

  /** Appends an IPv4 entry ({@code address} in the low 32 bits). */
  public static StringBuilder appendIpv4(StringBuilder out, long address, int prefix) {
    byte[] text = new byte[MAX_BYTES];
    return append(out, text, writeIpv4(text, 0, address, prefix));
  }

  /** Appends an IPv6 entry. */
  public static StringBuilder appendIpv6(StringBuilder out, long hi, long lo, int prefix) {
    byte[] text = new byte[MAX_BYTES];
    return append(out, text, writeIpv6(text, 0, hi, lo, prefix));
  }

  /**
   * Writes an IPv4 entry into {@code out} at {@code at}, which has room for {@link #MAX_BYTES}.
   *
   * @return the position after it
   */
  public static int writeIpv4(byte[] out, int at, long address, int prefix) {
    at = dotted(out, at, address);
    return prefix == 32 ? at : suffix(out, at, prefix);
  }

  /**
   * Writes an IPv6 entry into {@code out} at {@code at}, which has room for {@link #MAX_BYTES}.
   *
   * @return the position after it
   */
  public static int writeIpv6(byte[] out, int at, long hi, long lo, int prefix) {
    int[] words = new int[8];
    for (int i = 0; i < 4; i++) {
      words[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
      words[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
    }
    int bestBase = -1;
    int bestLength = 0;
    int base = -1;
    for (int i = 0; i <= 8; i++) {
      if (i < 8 && words[i] == 0) {
        base = base < 0 ? i : base;
      } else if (base >= 0) {
        if (i - base > bestLength) {
          bestBase = base;
          bestLength = i - base;
        }
        base = -1;
      }
    }
    if (bestLength < 2) {
      bestBase = -1;
    }
    for (int i = 0; i < 8; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
        if (i == bestBase) {
          out[at++] = ':';
        }
        continue;
      }
      if (i != 0) {
        out[at++] = ':';
      }
      if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF))) {
        at = dotted(out, at, lo & 0xFFFF_FFFFL);
        break;
      }
      at = hex(out, at, words[i]);
    }
    if (bestBase >= 0 && bestBase + bestLength == 8) {
      out[at++] = ':';
    }
    return prefix == 128 ? at : suffix(out, at, prefix);
  }

  private static StringBuilder append(StringBuilder out, byte[] text, int length) {
    for (int i = 0; i < length; i++) {
      out.append((char) text[i]);
    }
    return out;
  }

  private static int dotted(byte[] out, int at, long address) {
    at = decimal(out, at, (int) (address >>> 24) & 0xFF);
    out[at++] = '.';
    at = decimal(out, at, (int) (address >>> 16) & 0xFF);
    out[at++] = '.';
    at = decimal(out, at, (int) (address >>> 8) & 0xFF);
    out[at++] = '.';
    return decimal(out, at, (int) address & 0xFF);
  }

  private static int suffix(byte[] out, int at, int prefix) {
    out[at++] = '/';
    return decimal(out, at, prefix);
  }

  /** 0-999 without leading zeros. */
  private static int decimal(byte[] out, int at, int value) {
    if (value >= 100) {
      out[at++] = (byte) ('0' + value / 100);
      out[at++] = (byte) ('0' + value / 10 % 10);
    } else if (value >= 10) {
      out[at++] = (byte) ('0' + value / 10);
    }
    out[at++] = (byte) ('0' + value % 10);
    return at;
  }

  /** A 16-bit group in lower-case hex without leading zeros. */
  private static int hex(byte[] out, int at, int value) {
    boolean started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int digit = (value >>> shift) & 0xF;
      if (started || digit != 0 || shift == 0) {
        out[at++] = HEX[digit];
        started = true;
      }
    }
    return at;
  }
}
