package dev.fleetpanel.panel.server.web;

import dev.fleetpanel.panel.server.Server;

/**
 * A server as a table row shows it; {@code first}/{@code last} say whether it can move up or down.
 */
public record ServerRow(
    long id,
    String name,
    String address,
    int agentPort,
    Long folderId,
    String folderName,
    String notes,
    boolean active,
    boolean first,
    boolean last) {

  static ServerRow of(Server s, boolean first, boolean last) {
    return new ServerRow(
        s.id(),
        s.name(),
        s.address(),
        s.agentPort(),
        s.folder() == null ? null : s.folder().id(),
        s.folder() == null ? null : s.folder().name(),
        s.notes(),
        s.active(),
        first,
        last);
  }
}
