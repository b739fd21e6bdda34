package dev.fleetpanel.node.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network (an address is a /32 or /128). Parsing never does a DNS lookup. */
public record Cidr(byte[] network, int prefix) {

  public static Cidr parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    byte[] address = literal(slash < 0 ? value : value.substring(0, slash));
    int max = address.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in '" + value + "'");
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException("prefix length out of range in '" + value + "'");
      }
    }
    return new Cidr(mask(address, prefix), prefix);
  }

  /** Parses an IP literal (IPv4 dotted quad or IPv6), rejecting host names. */
  public static byte[] literal(String text) {
    String value =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 = isIpv4(value);
    boolean v6 = !v4 && isIpv6(value);
    if (!v4 && !v6) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
    try {
      // Safe: the text is a well-formed literal, so no name lookup happens.
      return InetAddress.getByName(value).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
  }

  /** A dotted-quad IPv4 address, each part 0-255. */
  public static boolean isIpv4(String text) {
    if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false;
    }
    for (String part : text.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * An IPv6 literal (RFC 4291 text forms, optionally ending in an IPv4 address), checked without a
   * lookup.
   */
  public static boolean isIpv6(String text) {
    if (text.length() > 45 || !text.contains(":")) {
      return false;
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String[] sides =
        gap >= 0
            ? new String[] {text.substring(0, gap), text.substring(gap + 2)}
            : new String[] {text};
    int groups = 0;
    for (int side = 0; side < sides.length; side++) {
      if (sides[side].isEmpty()) {
        continue;
      }
      String[] parts = sides[side].split(":", -1);
      for (int i = 0; i < parts.length; i++) {
        boolean lastOfAll = side == sides.length - 1 && i == parts.length - 1;
        if (lastOfAll && parts[i].contains(".")) {
          if (!isIpv4(parts[i])) {
            return false;
          }
          groups += 2;
        } else if (parts[i].matches("[0-9A-Fa-f]{1,4}")) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return gap >= 0 ? groups <= 7 : groups == 8;
  }

  public boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    return other.length == network.length && Arrays.equals(mask(other, prefix), network);
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
