package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.blocklist.BlocklistService;
import dev.fleetpanel.node.agent.capability.Capabilities;
import dev.fleetpanel.node.agent.capability.CapabilityFilter;
import dev.fleetpanel.node.agent.enrol.CertificateRotation;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The agent's JAX-RS application: its resources, the capability filter and the error mapper. */
public final class AgentApplication {

  /**
   * Jersey warns that each resource registered as an instance "will be ignored" as a provider, and
   * then serves it as a resource (jersey#3700): silenced so that the log shows real problems only.
   * Kept in a field because java.util.logging holds loggers weakly.
   */
  private static final Logger PROVIDER_CHECK =
      Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  private AgentApplication() {}

  /** The application without a blocklist: its endpoints answer 503. */
  public static ResourceConfig create(
      MetricsCollector collector,
      Capabilities capabilities,
      String agentVersion,
      CertificateRotation rotation) {
    return create(collector, capabilities, agentVersion, rotation, null);
  }

  /**
   * @param blocklist the node's blocklists, or null when they are off
   */
  public static ResourceConfig create(
      MetricsCollector collector,
      Capabilities capabilities,
      String agentVersion,
      CertificateRotation rotation,
      BlocklistService blocklist) {
    PROVIDER_CHECK.setLevel(Level.SEVERE);
    ResourceConfig config = new ResourceConfig();
    config.register(new HealthResource());
    config.register(new VersionResource(agentVersion, () -> nodeName(collector), capabilities));
    config.register(new MetricsResource(collector, agentVersion));
    config.register(new NodeCertificateResource(rotation));
    config.register(new BlocklistResource(blocklist));
    config.register(new CapabilityFilter(capabilities));
    config.register(new ThrowableMapper());
    // No WADL (an OPTIONS answer listing every resource) and no automatic Jersey error pages.
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    return config;
  }

  private static String nodeName(MetricsCollector collector) {
    MetricsSnapshot snapshot = collector.snapshot();
    if (snapshot == null || snapshot.system() == null) {
      return "";
    }
    return snapshot.system().info().hostname().orElse("");
  }
}
