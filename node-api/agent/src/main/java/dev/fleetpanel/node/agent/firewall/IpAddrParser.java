package dev.fleetpanel.node.agent.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * The node's own addresses from {@code ip -o addr show}, one line per address, for example {@code
 * 2: eth0 inet 203.0.113.5/24 brd 203.0.113.255 scope global eth0\ valid_lft forever ...}: the
 * address after {@code inet} or {@code inet6}, without its prefix length.
 */
public final class IpAddrParser {

  private IpAddrParser() {}

  public static List<String> addresses(String output) {
    List<String> addresses = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] words = line.trim().split("\\s+");
      for (int i = 0; i + 1 < words.length; i++) {
        if (words[i].equals("inet") || words[i].equals("inet6")) {
          String address = words[i + 1];
          int slash = address.indexOf('/');
          addresses.add(slash < 0 ? address : address.substring(0, slash));
          break;
        }
      }
    }
    return addresses;
  }

  /** {@code ip -o addr show}. */
  public static List<String> command() {
    return List.of("ip", "-o", "addr", "show");
  }
}
