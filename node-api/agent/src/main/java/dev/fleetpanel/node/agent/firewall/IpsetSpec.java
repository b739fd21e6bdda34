package dev.fleetpanel.node.agent.firewall;

/**
 * A {@code hash:net} set as the agent creates it.
 *
 * @param timeout the set's default entry timeout in seconds, 0 for a set without timeouts
 */
public record IpsetSpec(String name, boolean ipv6, int hashSize, int maxElements, int timeout) {

  /** The kernel's limit on set names. */
  public static final int MAX_NAME = 31;

  public IpsetSpec {
    if (name.isEmpty() || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("bad set name '" + name + "'");
    }
  }

  /** The same set under another name (a staging set has the live one's options). */
  public IpsetSpec named(String other) {
    return new IpsetSpec(other, ipv6, hashSize, maxElements, timeout);
  }
}
