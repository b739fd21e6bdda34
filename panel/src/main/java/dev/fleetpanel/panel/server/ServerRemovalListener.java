package dev.fleetpanel.panel.server;

import dev.fleetpanel.panel.audit.Actor;

/**
 * Told about a server being removed, inside the removing transaction, so that features which keep
 * state for a server (its certificates, for one) can act on it without the server feature knowing
 * them.
 */
@FunctionalInterface
public interface ServerRemovalListener {
  void removing(Server server, Actor actor);
}
