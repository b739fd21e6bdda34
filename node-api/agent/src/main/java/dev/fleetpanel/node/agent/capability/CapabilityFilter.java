package dev.fleetpanel.node.agent.capability;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a call to a domain the node has not granted, before any resource runs: 403 with the
 * seed's body {@code {detail, error: "capability_denied", domain, access, capabilities}} and the
 * header {@code X-Capability-Denied: <domain>:<ro|rw>}. The domain is the first segment after
 * {@code /api/}; GET, HEAD and OPTIONS need {@code ro}, every other method {@code rw}. Paths
 * outside every domain ({@code /health}, {@code /api/version}, {@code /api/metrics}, {@code
 * /metrics}) and the seed's always-allowed system paths pass.
 */
@PreMatching
public final class CapabilityFilter implements ContainerRequestFilter {

  public static final String DENIED_HEADER = "X-Capability-Denied";
  private static final Set<String> ALWAYS_ALLOWED =
      Set.of(
          "api/system/versions",
          "api/system/update",
          "api/system/update/status",
          "api/system/replace-node-cert",
          "api/system/node-csr");
  private static final Set<String> READ_METHODS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Capabilities capabilities;

  public CapabilityFilter(Capabilities capabilities) {
    this.capabilities = capabilities;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> domain = domainOf(request.getUriInfo().getPath());
    if (domain.isEmpty()) {
      return;
    }
    Access needed = READ_METHODS.contains(request.getMethod()) ? Access.RO : Access.RW;
    if (!capabilities.access(domain.get()).allows(needed)) {
      request.abortWith(denied(domain.get(), needed));
    }
  }

  /** The domain a request path (with or without a leading slash) belongs to, if any. */
  public static Optional<String> domainOf(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.startsWith("api/") || ALWAYS_ALLOWED.contains(p)) {
      return Optional.empty();
    }
    String rest = p.substring("api/".length());
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    return Capabilities.DOMAINS.contains(first) ? Optional.of(first) : Optional.empty();
  }

  private Response denied(String domain, Access needed) {
    JsonObjectBuilder granted = Json.createObjectBuilder();
    capabilities.domains().forEach((name, access) -> granted.add(name, access.wire()));
    String body =
        Json.createObjectBuilder()
            .add("detail", "this node does not allow " + needed.wire() + " access to " + domain)
            .add("error", "capability_denied")
            .add("domain", domain)
            .add("access", needed.wire())
            .add("capabilities", granted)
            .build()
            .toString();
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(DENIED_HEADER, domain + ":" + needed.wire())
        .entity(body)
        .build();
  }
}
