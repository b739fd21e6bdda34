package dev.fleetpanel.node.agent.capability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CapabilityFilterTest {

  private final CapabilityFilter monitoring =
      new CapabilityFilter(Capabilities.preset("monitoring"));

  @Test
  void domainIsTheFirstSegmentAfterApi() {
    assertThat(CapabilityFilter.domainOf("/api/haproxy/rules/x")).contains("haproxy");
    assertThat(CapabilityFilter.domainOf("api/traffic")).contains("traffic");
    assertThat(CapabilityFilter.domainOf("/api/metrics")).isEmpty();
    assertThat(CapabilityFilter.domainOf("/api/version")).isEmpty();
    assertThat(CapabilityFilter.domainOf("/metrics")).isEmpty();
    assertThat(CapabilityFilter.domainOf("/health")).isEmpty();
    assertThat(CapabilityFilter.domainOf("/api/system/versions")).isEmpty();
    assertThat(CapabilityFilter.domainOf("/api/system/reboot")).contains("system");
    assertThat(CapabilityFilter.domainOf("/api/trafficker")).isEmpty();
  }

  @Test
  void deniedWriteGets403WithTheSeedBodyAndHeader() {
    Response response = filter(monitoring, "POST", "api/traffic/ports/add");

    assertThat(response).isNotNull();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getHeaderString("X-Capability-Denied")).isEqualTo("traffic:rw");
    JsonObject body =
        Json.createReader(new StringReader((String) response.getEntity())).readObject();
    assertThat(body.getString("error")).isEqualTo("capability_denied");
    assertThat(body.getString("domain")).isEqualTo("traffic");
    assertThat(body.getString("access")).isEqualTo("rw");
    assertThat(body.getString("detail")).contains("traffic");
    assertThat(body.getJsonObject("capabilities").getString("traffic")).isEqualTo("ro");
    assertThat(body.getJsonObject("capabilities").getString("exec")).isEqualTo("no");
  }

  @Test
  void deniedReadNamesRo() {
    Response response = filter(monitoring, "GET", "api/haproxy/status");

    assertThat(response.getHeaderString("X-Capability-Denied")).isEqualTo("haproxy:ro");
  }

  @Test
  void grantedAndDomainlessCallsPass() {
    assertThat(filter(monitoring, "GET", "api/traffic/summary")).isNull();
    assertThat(filter(monitoring, "GET", "api/metrics/cpu")).isNull();
    assertThat(filter(monitoring, "GET", "metrics")).isNull();
    assertThat(filter(new CapabilityFilter(Capabilities.preset("full")), "POST", "api/ssh/keys"))
        .isNull();
  }

  @Test
  void execIsDeniedEvenWithFullUnlessGranted() {
    Capabilities full = Capabilities.preset("full");

    assertThat(filter(new CapabilityFilter(full), "POST", "api/exec")).isNotNull();
    assertThat(filter(new CapabilityFilter(full.with("exec", Access.RW)), "POST", "api/exec"))
        .isNull();
  }

  /** Runs the filter on a fake request; returns the response it aborted with, or null. */
  private static Response filter(CapabilityFilter filter, String method, String path) {
    AtomicReference<Response> aborted = new AtomicReference<>();
    UriInfo uri =
        (UriInfo)
            Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("getPath")) {
                    return path;
                  }
                  throw new UnsupportedOperationException(m.getName());
                });
    ContainerRequestContext request =
        (ContainerRequestContext)
            Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (proxy, m, args) ->
                    switch (m.getName()) {
                      case "getUriInfo" -> uri;
                      case "getMethod" -> method;
                      case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                      }
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    filter.filter(request);
    return aborted.get();
  }
}
