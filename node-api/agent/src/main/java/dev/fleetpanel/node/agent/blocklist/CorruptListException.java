package dev.fleetpanel.node.agent.blocklist;

/** A list file the agent did not write as it is: it is not used. */
final class CorruptListException extends RuntimeException {

  CorruptListException(String message) {
    super(message);
  }
}
