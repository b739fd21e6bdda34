package dev.fleetpanel.panel.server;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person or script submits to add or edit a server. Messages are keys of the i18n bundle.
 *
 * @param agentPort the node agent's TCP port, 9100 unless changed on the node
 * @param folderId the folder, or null for none
 */
public record ServerForm(
    @NotBlank(message = "{server.name.required}") @Size(max = 100, message = "{server.name.long}")
        String name,
    @NotBlank(message = "{server.address.required}") @HostAddress String address,
    @NotNull(message = "{server.port.invalid}")
        @Min(value = 1, message = "{server.port.invalid}")
        @Max(value = 65535, message = "{server.port.invalid}")
        Integer agentPort,
    Long folderId,
    @Size(max = 2000, message = "{server.notes.long}") String notes) {

  public static final int DEFAULT_AGENT_PORT = dev.fleetpanel.node.contract.NodeApi.DEFAULT_PORT;
}
