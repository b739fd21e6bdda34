package dev.fleetpanel.node.agent.capability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the panel may do on this node, per domain (seed §2.1). Metrics, {@code /health} and {@code
 * /api/version} are always allowed and are not a domain. {@code exec} is {@code no} in every
 * preset: running commands must be granted explicitly with {@code capability.exec}.
 *
 * <p>Presets: {@code full} (every domain rw), {@code readonly} (every domain ro) and {@code
 * monitoring} (traffic ro, everything else no).
 */
public record Capabilities(Map<String, Access> domains) {

  public static final List<String> DOMAINS =
      List.of(
          "traffic",
          "haproxy",
          "firewall",
          "ipset",
          "ssh",
          "ssl",
          "antiddos",
          "remnawave",
          "system",
          "exec",
          "dnat");
  public static final List<String> PRESETS = List.of("full", "readonly", "monitoring");

  public Capabilities {
    domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
  }

  /**
   * @throws IllegalArgumentException if {@code name} is not a preset
   */
  public static Capabilities preset(String name) {
    Access everywhere =
        switch (name) {
          case "full" -> Access.RW;
          case "readonly" -> Access.RO;
          case "monitoring" -> Access.NO;
          default ->
              throw new IllegalArgumentException(
                  "must be one of " + String.join(", ", PRESETS) + ", not '" + name + "'");
        };
    Map<String, Access> domains = new LinkedHashMap<>();
    for (String domain : DOMAINS) {
      domains.put(domain, domain.equals("exec") ? Access.NO : everywhere);
    }
    if (name.equals("monitoring")) {
      domains.put("traffic", Access.RO);
    }
    return new Capabilities(domains);
  }

  /** A copy with {@code domain} set to {@code access}. */
  public Capabilities with(String domain, Access access) {
    if (!DOMAINS.contains(domain)) {
      throw new IllegalArgumentException(
          "unknown domain '" + domain + "' (known: " + String.join(", ", DOMAINS) + ")");
    }
    Map<String, Access> copy = new LinkedHashMap<>(domains);
    copy.put(domain, access);
    return new Capabilities(copy);
  }

  public Access access(String domain) {
    return domains.getOrDefault(domain, Access.NO);
  }
}
