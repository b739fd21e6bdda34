package dev.fleetpanel.node.contract;

/** Constants of the node agent's wire contract that the panel relies on. */
public final class NodeApi {
  /** The agent's default TCP port, as in the seed's node API. */
  public static final int DEFAULT_PORT = 9100;

  private NodeApi() {}
}
