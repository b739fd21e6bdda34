package dev.fleetpanel.panel.nodesync;

import dev.fleetpanel.panel.server.Server;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A feature's state on its nodes, as {@link NodeSync} drives it. Every method may be called from
 * the sync's threads; {@link #push} and {@link #nodeVersions} talk to the node and may block up to
 * the deadline they are given.
 */
public interface SyncTarget {

  /** What the panel wants for an item: the content's hash, its size (for the deadline), itself. */
  record Desired(String hash, long entries, Object content) {}

  /** What was last applied on the node: the content's hash and the version the node reported. */
  record Previous(String sentHash, String nodeVersion) {}

  /**
   * How a push went: applied (with the version the node now reports and a note for the page, such
   * as entries it refused), or not, either retried later (the node was unreachable) or refused by
   * the node.
   */
  record Outcome(
      boolean applied, boolean refused, String nodeVersion, String detail, String error) {
    public static Outcome applied(String nodeVersion, String detail) {
      return new Outcome(true, false, nodeVersion, detail, null);
    }

    public static Outcome unreachable(String error) {
      return new Outcome(false, false, null, null, error);
    }

    public static Outcome refused(String error) {
      return new Outcome(false, true, null, null, error);
    }
  }

  /** The items this feature keeps on the server (for example {@code blocklist/in}). */
  List<String> items(Server server);

  /** What the panel wants for {@code item} on the server now. */
  Desired desired(Server server, String item);

  /** Brings the node to {@code desired}, knowing what was last applied there. */
  Outcome push(Server server, String item, Desired desired, Previous previous, Duration deadline);

  /**
   * The versions the node reports for its items now, for the drift check; an item the node does not
   * report is left out.
   *
   * @throws NodeUnavailableException when the node cannot be asked
   */
  Map<String, String> nodeVersions(Server server) throws NodeUnavailableException;

  /**
   * The content hashes any node's record still names (sent or wanted), after each plan: what the
   * target keeps for deltas beyond them may go.
   */
  default void retain(java.util.Set<String> hashes) {}
}
