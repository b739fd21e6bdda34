package dev.fleetpanel.panel.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * JAX-RS over the whole war; {@link GateFilter} and {@link BasePathFilter} put it under the secret
 * uid.
 */
@ApplicationPath("/")
public class RestApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    // Errors are our own responses, never the container's error page (which names the server).
    return Map.of(
        "jersey.config.server.response.setStatusOverSendError", true,
        "jersey.config.server.wadl.disableWadl", true);
  }
}
