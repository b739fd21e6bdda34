package dev.fleetpanel.panel.nodesync;

/** A node could not be asked (offline, refused, timed out); the message says why. */
public class NodeUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public NodeUnavailableException(String message) {
    super(message);
  }
}
