package dev.fleetpanel.panel.server.web;

import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The add/edit form as typed, so a refused form comes back with the user's input; the port stays
 * text because "abc" must be shown back as typed.
 */
public record ServerFormView(
    String name, String address, String agentPort, Long folderId, String notes) {

  static ServerFormView empty() {
    return new ServerFormView("", "", Integer.toString(ServerForm.DEFAULT_AGENT_PORT), null, "");
  }

  static ServerFormView of(Server s) {
    return new ServerFormView(
        s.name(),
        s.address(),
        Integer.toString(s.agentPort()),
        s.folder() == null ? null : s.folder().id(),
        s.notes());
  }

  static ServerFormView of(MultivaluedMap<String, String> form) {
    String folder = form.getFirst("folder_id");
    Long folderId = null;
    if (folder != null && !folder.isBlank()) {
      try {
        folderId = Long.parseLong(folder.strip());
      } catch (NumberFormatException e) {
        folderId = -1L;
      }
    }
    return new ServerFormView(
        value(form, "name"),
        value(form, "address"),
        value(form, "agent_port"),
        folderId,
        value(form, "notes"));
  }

  ServerForm toForm() {
    Integer port;
    try {
      port = Integer.valueOf(agentPort.strip());
    } catch (NumberFormatException e) {
      port = null;
    }
    return new ServerForm(name, address, port, folderId, notes);
  }

  private static String value(MultivaluedMap<String, String> form, String name) {
    String v = form.getFirst(name);
    return v == null ? "" : v;
  }
}
