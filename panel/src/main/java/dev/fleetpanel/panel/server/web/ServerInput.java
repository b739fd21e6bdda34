package dev.fleetpanel.panel.server.web;

import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST/PUT api/servers} body; on PUT a missing field keeps its current value. */
public record ServerInput(
    String name,
    String address,
    Integer agentPort,
    Long folderId,
    String notes,
    @JsonbProperty("is_active") Boolean isActive) {

  ServerForm toNewForm() {
    return new ServerForm(
        name,
        address,
        agentPort == null ? ServerForm.DEFAULT_AGENT_PORT : agentPort,
        folderId,
        notes);
  }

  ServerForm mergeInto(Server s) {
    return new ServerForm(
        name != null ? name : s.name(),
        address != null ? address : s.address(),
        agentPort != null ? agentPort : s.agentPort(),
        folderId != null
            ? (folderId == 0 ? null : folderId)
            : s.folder() == null ? null : s.folder().id(),
        notes != null ? notes : s.notes());
  }
}
