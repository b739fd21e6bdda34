package dev.fleetpanel.node.blocklist;

/**
 * The canonical text of an entry: how {@code ipset list} prints a {@code hash:net} member. Host
 * bits are already cleared; {@code /32} and {@code /128} are left out; IPv6 is written as glibc's
 * {@code inet_ntop} writes it (lower-case hex without leading zeros, the longest run of two or more
 * zero groups, the first of equal runs, as {@code ::}, and {@code ::a.b.c.d} or {@code
 * ::ffff:a.b.c.d} for addresses whose first 96 bits are zero or IPv4-mapped).
 */
public final class EntryText {

  private EntryText() {}

  /** Appends an IPv4 entry ({@code address} in the low 32 bits). */
  public static StringBuilder appendIpv4(StringBuilder out, long address, int prefix) {
    dotted(out, address);
    if (prefix != 32) {
      out.append('/').append(prefix);
    }
    return out;
  }

  /** Appends an IPv6 entry. */
  public static StringBuilder appendIpv6(StringBuilder out, long hi, long lo, int prefix) {
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
          out.append(':');
        }
        continue;
      }
      if (i != 0) {
        out.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF))) {
        dotted(out, lo & 0xFFFF_FFFFL);
        break;
      }
      out.append(Integer.toHexString(words[i]));
    }
    if (bestBase >= 0 && bestBase + bestLength == 8) {
      out.append(':');
    }
    if (prefix != 128) {
      out.append('/').append(prefix);
    }
    return out;
  }

  private static void dotted(StringBuilder out, long address) {
    out.append((address >>> 24) & 0xFF)
        .append('.')
        .append((address >>> 16) & 0xFF)
        .append('.')
        .append((address >>> 8) & 0xFF)
        .append('.')
        .append(address & 0xFF);
  }
}
