package dev.fleetpanel.node.agent.blocklist;

/** A list longer than a set may hold: answered 413, nothing changed. */
public final class TooManyEntriesException extends RuntimeException {

  public TooManyEntriesException(int maxEntries) {
    super("more than " + maxEntries + " entries: a list holds at most " + maxEntries);
  }
}
