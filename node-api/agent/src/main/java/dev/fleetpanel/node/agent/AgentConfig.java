package dev.fleetpanel.node.agent;

import dev.fleetpanel.node.agent.capability.Access;
import dev.fleetpanel.node.agent.capability.Capabilities;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.contract.NodeApi;
import dev.fleetpanel.node.net.Cidr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's settings: {@code /etc/fleetpanel-node/agent.conf} (or the file named by {@code
 * FLEETPANEL_NODE_CONFIG}; {@code key=value} lines, {@code #} comments, a missing file is empty),
 * then the environment on top.
 *
 * <p>Keys (file / environment): {@code port} / {@code FLEETPANEL_NODE_PORT} (default 9100), {@code
 * bind} / {@code FLEETPANEL_NODE_BIND} (0.0.0.0), {@code root} / {@code FLEETPANEL_NODE_ROOT} (the
 * host's {@code /}, where metrics are read), {@code dir} / {@code FLEETPANEL_NODE_DIR} (where
 * enrolment writes key, certificate, issuer and CRL; {@code /etc/fleetpanel-node}), {@code
 * capabilities} / {@code FLEETPANEL_NODE_CAPABILITIES} (a preset, default {@code full}) and {@code
 * capability.<domain>=no|ro|rw} (file only, applied over the preset), {@code metrics_port} / {@code
 * FLEETPANEL_NODE_METRICS_PORT} (a plain-HTTP listener serving only {@code /metrics} to the
 * networks in {@code metrics_allow} / {@code FLEETPANEL_NODE_METRICS_ALLOW}, comma-separated; off
 * unless set, and then the allow-list is required), {@code state_dir} / {@code
 * FLEETPANEL_NODE_STATE_DIR} (what the agent keeps across restarts, such as the permanent
 * blocklists; {@code /var/lib/fleetpanel-node}), {@code blocklist} / {@code
 * FLEETPANEL_NODE_BLOCKLIST} ({@code on} or {@code off}: whether the agent manages ipset
 * blocklists; on), {@code panel_addresses} / {@code FLEETPANEL_NODE_PANEL_ADDRESSES} (the panel's
 * addresses or networks, comma-separated, never blocked in either direction, besides the address
 * each request comes from) and {@code netns} / {@code FLEETPANEL_NODE_NETNS} (run the firewall
 * tools in this network namespace, {@code ip netns exec <name>}: for tests and benchmarks; empty by
 * default).
 *
 * @param metricsPort 0 when the Prometheus listener is off
 * @param netns empty unless the firewall tools run in a network namespace
 */
public record AgentConfig(
    int port,
    String bind,
    Path root,
    Path dir,
    Capabilities capabilities,
    int metricsPort,
    List<Cidr> metricsAllow,
    Path stateDir,
    boolean blocklist,
    List<BlocklistEntry> panelAddresses,
    String netns) {

  public static final Path DEFAULT_FILE = Path.of("/etc/fleetpanel-node/agent.conf");
  static final String CONFIG_ENV = "FLEETPANEL_NODE_CONFIG";
  public static final String DEFAULT_STATE_DIR = "/var/lib/fleetpanel-node";
  private static final Map<String, String> ENV_NAMES =
      Map.ofEntries(
          Map.entry("port", "FLEETPANEL_NODE_PORT"),
          Map.entry("bind", "FLEETPANEL_NODE_BIND"),
          Map.entry("root", "FLEETPANEL_NODE_ROOT"),
          Map.entry("dir", "FLEETPANEL_NODE_DIR"),
          Map.entry("capabilities", "FLEETPANEL_NODE_CAPABILITIES"),
          Map.entry("metrics_port", "FLEETPANEL_NODE_METRICS_PORT"),
          Map.entry("metrics_allow", "FLEETPANEL_NODE_METRICS_ALLOW"),
          Map.entry("state_dir", "FLEETPANEL_NODE_STATE_DIR"),
          Map.entry("blocklist", "FLEETPANEL_NODE_BLOCKLIST"),
          Map.entry("panel_addresses", "FLEETPANEL_NODE_PANEL_ADDRESSES"),
          Map.entry("netns", "FLEETPANEL_NODE_NETNS"));
  private static final String CAPABILITY_PREFIX = "capability.";

  /** Reads the file named by the environment (or the default) and applies the environment. */
  public static AgentConfig load(Map<String, String> env) {
    Path file = Path.of(env.getOrDefault(CONFIG_ENV, DEFAULT_FILE.toString()));
    List<String> lines = List.of();
    if (Files.exists(file)) {
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return parse(lines, env);
  }

  /**
   * Pure: the settings from the file's lines with {@code env} on top.
   *
   * @throws IllegalArgumentException naming the key (and file line) of a bad or unknown setting
   */
  public static AgentConfig parse(List<String> lines, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String[]> capabilityLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "agent.conf line " + (i + 1) + ": expected key=value, got '" + line + "'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (key.startsWith(CAPABILITY_PREFIX)) {
        capabilityLines.add(new String[] {key, value});
      } else if (ENV_NAMES.containsKey(key)) {
        values.put(key, value);
      } else {
        throw new IllegalArgumentException(
            "agent.conf line " + (i + 1) + ": unknown key '" + key + "'");
      }
    }
    ENV_NAMES.forEach(
        (key, name) -> {
          if (env.containsKey(name)) {
            values.put(key, env.get(name).strip());
          }
        });
    Capabilities capabilities =
        setting(
            "capabilities", () -> Capabilities.preset(values.getOrDefault("capabilities", "full")));
    for (String[] kv : capabilityLines) {
      String domain = kv[0].substring(CAPABILITY_PREFIX.length());
      Capabilities current = capabilities;
      capabilities = setting(kv[0], () -> current.with(domain, Access.parse(kv[1])));
    }
    int metricsPort =
        setting(
            "metrics_port",
            () ->
                values.getOrDefault("metrics_port", "").isBlank()
                    ? 0
                    : port(values.get("metrics_port")));
    List<Cidr> metricsAllow =
        setting("metrics_allow", () -> networks(values.getOrDefault("metrics_allow", "")));
    if (metricsPort != 0 && metricsAllow.isEmpty()) {
      throw new IllegalArgumentException(
          "bad setting metrics_allow (FLEETPANEL_NODE_METRICS_ALLOW): metrics_port is set, so list"
              + " the networks that may read /metrics (for example 10.0.0.5/32)");
    }
    return new AgentConfig(
        setting("port", () -> port(values.getOrDefault("port", "" + NodeApi.DEFAULT_PORT))),
        setting("bind", () -> nonBlank(values.getOrDefault("bind", "0.0.0.0"))),
        setting("root", () -> Path.of(nonBlank(values.getOrDefault("root", "/")))),
        setting("dir", () -> Path.of(nonBlank(values.getOrDefault("dir", "/etc/fleetpanel-node")))),
        capabilities,
        metricsPort,
        metricsAllow,
        setting(
            "state_dir",
            () -> Path.of(nonBlank(values.getOrDefault("state_dir", DEFAULT_STATE_DIR)))),
        setting("blocklist", () -> onOff(values.getOrDefault("blocklist", "on"))),
        setting("panel_addresses", () -> entries(values.getOrDefault("panel_addresses", ""))),
        setting("netns", () -> namespace(values.getOrDefault("netns", ""))));
  }

  private static boolean onOff(String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("must be on or off, not '" + value + "'");
    };
  }

  private static List<BlocklistEntry> entries(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(part -> !part.isEmpty())
        .map(BlocklistEntry::parse)
        .toList();
  }

  private static String namespace(String value) {
    if (!value.isEmpty() && !value.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException("not a network namespace name: '" + value + "'");
    }
    return value;
  }

  private static List<Cidr> networks(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(part -> !part.isEmpty())
        .map(Cidr::parse)
        .toList();
  }

  private static int port(String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number, not '" + value + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("must be 1-65535, not " + port);
    }
    return port;
  }

  private static String nonBlank(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return value;
  }

  private static <T> T setting(String key, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      String name = ENV_NAMES.containsKey(key) ? key + " (" + ENV_NAMES.get(key) + ")" : key;
      throw new IllegalArgumentException("bad setting " + name + ": " + e.getMessage(), e);
    }
  }
}
