package dev.fleetpanel.panel.server.web;

import dev.fleetpanel.panel.server.Server;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;

/** A server in the JSON API, field names as the seed spells them. */
public record ServerJson(
    long id,
    String name,
    String address,
    int agentPort,
    Long folderId,
    String folder,
    String notes,
    @JsonbProperty("is_active") boolean isActive,
    int position,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static ServerJson of(Server s) {
    return new ServerJson(
        s.id(),
        s.name(),
        s.address(),
        s.agentPort(),
        s.folder() == null ? null : s.folder().id(),
        s.folder() == null ? null : s.folder().name(),
        s.notes(),
        s.active(),
        s.position(),
        s.createdAt(),
        s.updatedAt());
  }
}
