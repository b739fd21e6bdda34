package dev.fleetpanel.panel.platform.net;

import dev.fleetpanel.node.net.Cidr;
import java.net.InetAddress;
import java.util.List;

/**
 * The client's IP address. {@code X-Forwarded-For} counts only when the direct peer is a trusted
 * proxy; then the right-most address that is not itself a trusted proxy is the client (left-most
 * entries are client-controlled).
 */
public final class ClientIp {
  private ClientIp() {}

  public static String resolve(String peer, String forwardedFor, List<Cidr> trustedProxies) {
    if (forwardedFor == null || forwardedFor.isBlank() || !isTrustedProxy(peer, trustedProxies)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!isIp(hop)) {
        return peer;
      }
      if (!isTrustedProxy(hop, trustedProxies)) {
        return normalise(hop);
      }
    }
    return peer;
  }

  /** Whether {@code ip} (a literal) is one of the trusted proxies. */
  public static boolean isTrustedProxy(String ip, List<Cidr> proxies) {
    if (proxies.isEmpty() || !isIp(ip)) {
      return false;
    }
    InetAddress address = address(ip);
    return proxies.stream().anyMatch(c -> c.contains(address));
  }

  private static boolean isIp(String text) {
    try {
      Cidr.literal(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String normalise(String ip) {
    return address(ip).getHostAddress();
  }

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByAddress(Cidr.literal(ip));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
