package dev.fleetpanel.panel.server.web;

import java.util.List;

/**
 * A folder heading and its servers in the table; {@code id} is null for the servers in no folder.
 */
public record FolderRow(
    Long id, String name, boolean first, boolean last, List<ServerRow> servers) {}
