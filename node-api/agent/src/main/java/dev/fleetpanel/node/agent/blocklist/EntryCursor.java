package dev.fleetpanel.node.agent.blocklist;

/**
 * Entries one at a time, in canonical order ({@code EntryOrder}), each once. The accessors describe
 * the entry the last successful {@link #next()} moved to.
 */
interface EntryCursor {

  /** Moves to the next entry; false at the end. */
  boolean next();

  boolean ipv6();

  long hi();

  /** The low 64 bits of an IPv6 entry, or the IPv4 address. */
  long lo();

  int prefix();
}
