package dev.fleetpanel.node.blocklist;

/**
 * The canonical order of entries: every IPv4 entry before every IPv6 one; within a family by
 * address as an unsigned number, then by prefix length (shorter first). Sets are hashed in this
 * order, so both sides must sort the same way.
 */
public final class EntryOrder {

  private EntryOrder() {}

  /**
   * Compares two entries given as (family is IPv6, high 64 bits, low 64 bits, prefix), the form
   * {@link EntryParser} produces.
   */
  public static int compare(
      boolean ipv6a,
      long hiA,
      long loA,
      int prefixA,
      boolean ipv6b,
      long hiB,
      long loB,
      int prefixB) {
    if (ipv6a != ipv6b) {
      return ipv6a ? 1 : -1;
    }
    int c = Long.compareUnsigned(hiA, hiB);
    if (c == 0) {
      c = Long.compareUnsigned(loA, loB);
    }
    return c != 0 ? c : Integer.compare(prefixA, prefixB);
  }
}
