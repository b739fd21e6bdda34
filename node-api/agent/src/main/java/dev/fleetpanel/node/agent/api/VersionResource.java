package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.capability.Capabilities;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/** {@code GET /api/version}: {@code {version, component: "node", node_name, capabilities}}. */
@Path("api/version")
public final class VersionResource {

  private final String version;
  private final Supplier<String> nodeName;
  private final Capabilities capabilities;

  public VersionResource(String version, Supplier<String> nodeName, Capabilities capabilities) {
    this.version = version;
    this.nodeName = nodeName;
    this.capabilities = capabilities;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String version() {
    JsonObjectBuilder granted = Json.createObjectBuilder();
    capabilities.domains().forEach((domain, access) -> granted.add(domain, access.wire()));
    return Json.createObjectBuilder()
        .add("version", version)
        .add("component", "node")
        .add("node_name", nodeName.get())
        .add("capabilities", granted)
        .build()
        .toString();
  }
}
