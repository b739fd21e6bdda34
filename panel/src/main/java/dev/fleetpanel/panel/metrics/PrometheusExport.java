package dev.fleetpanel.panel.metrics;

import static dev.fleetpanel.node.prometheus.PromFamily.GAUGE;

import dev.fleetpanel.node.prometheus.PromFamily;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest sample of every monitored server in the Prometheus text format, each series labelled
 * {@code server_id}, {@code server} and {@code folder} (empty for none), so that one scrape of the
 * panel brings the whole fleet into Prometheus. Rates are the panel's per-second figures (bytes per
 * second), not counters. A server that is not online exports only {@code fleetpanel_server_up 0}
 * and the time of its last sample: its last figures are history, not its state.
 */
public final class PrometheusExport {
  private static final String P = "fleetpanel_server_";

  /** The gauges taken from a sample, by column: name and help. */
  private static final Map<MetricColumn, String[]> GAUGES = new EnumMap<>(MetricColumn.class);

  static {
    gauge(MetricColumn.CPU, "cpu_usage_percent", "CPU busy share over all cores, percent.");
    gauge(MetricColumn.LOAD1, "load1", "1-minute load average.");
    gauge(MetricColumn.LOAD5, "load5", "5-minute load average.");
    gauge(MetricColumn.LOAD15, "load15", "15-minute load average.");
    gauge(MetricColumn.MEM_USED, "memory_used_bytes", "Memory in use (total - available).");
    gauge(MetricColumn.MEM_TOTAL, "memory_total_bytes", "Memory installed.");
    gauge(MetricColumn.SWAP_USED, "swap_used_bytes", "Swap in use.");
    gauge(MetricColumn.SWAP_TOTAL, "swap_total_bytes", "Swap configured.");
    gauge(MetricColumn.DISK_USED, "filesystem_used_bytes", "Bytes used on real filesystems.");
    gauge(MetricColumn.DISK_TOTAL, "filesystem_size_bytes", "Size of the real filesystems.");
    gauge(MetricColumn.DISK_READ, "disk_read_bytes_per_second", "Disk reads, bytes per second.");
    gauge(MetricColumn.DISK_WRITE, "disk_write_bytes_per_second", "Disk writes, bytes per second.");
    gauge(
        MetricColumn.NET_RX,
        "network_receive_bytes_per_second",
        "Received on physical interfaces, bytes per second since the previous poll.");
    gauge(
        MetricColumn.NET_TX,
        "network_transmit_bytes_per_second",
        "Sent on physical interfaces, bytes per second since the previous poll.");
    gauge(
        MetricColumn.NET_RX_PEAK,
        "network_receive_peak_bytes_per_second",
        "Highest 1-second receive rate since the previous poll.");
    gauge(
        MetricColumn.NET_TX_PEAK,
        "network_transmit_peak_bytes_per_second",
        "Highest 1-second transmit rate since the previous poll.");
    gauge(MetricColumn.UDP, "udp_sockets", "UDP sockets (IPv4 and IPv6).");
    gauge(MetricColumn.CONNTRACK, "nf_conntrack_entries", "Connection tracking entries.");
    gauge(MetricColumn.PROCESSES, "processes", "Processes.");
  }

  private static final Map<MetricColumn, String> TCP_STATES = new LinkedHashMap<>();

  static {
    TCP_STATES.put(MetricColumn.TCP_ESTABLISHED, "established");
    TCP_STATES.put(MetricColumn.TCP_LISTEN, "listen");
    TCP_STATES.put(MetricColumn.TCP_TIME_WAIT, "time_wait");
    TCP_STATES.put(MetricColumn.TCP_CLOSE_WAIT, "close_wait");
    TCP_STATES.put(MetricColumn.TCP_SYN_SENT, "syn_sent");
    TCP_STATES.put(MetricColumn.TCP_SYN_RECV, "syn_recv");
    TCP_STATES.put(MetricColumn.TCP_FIN_WAIT, "fin_wait");
    TCP_STATES.put(MetricColumn.TCP_OTHER, "other");
  }

  private final ServerService servers;
  private final FleetState fleet;

  public PrometheusExport(ServerService servers, FleetState fleet) {
    this.servers = servers;
    this.fleet = fleet;
  }

  private static void gauge(MetricColumn column, String name, String help) {
    GAUGES.put(column, new String[] {P + name, help});
  }

  /** The names of the metric families this export writes (for the Grafana dashboard's test). */
  public static java.util.Set<String> familyNames() {
    return java.util.Set.copyOf(families().keySet());
  }

  public String write() {
    Map<String, PromFamily> families = families();
    for (Server server : servers.list()) {
      if (server.active()) {
        add(families, server, fleet.status(server.id()));
      }
    }
    StringBuilder out = new StringBuilder(64 * 1024);
    families.values().forEach(f -> f.writeTo(out));
    return out.toString();
  }

  private static Map<String, PromFamily> families() {
    Map<String, PromFamily> families = new LinkedHashMap<>();
    family(families, "up", "1 when the panel has a recent sample of the server, else 0.");
    family(families, "last_sample_timestamp_seconds", "When the panel took the latest sample.");
    GAUGES.values().forEach(g -> families.put(g[0], new PromFamily(g[0], GAUGE, g[1])));
    family(families, "tcp_connections", "TCP sockets by state (IPv4 and IPv6).");
    family(families, "uptime_seconds", "Seconds since the node booted, at the latest sample.");
    family(
        families,
        "ssl_expiry_timestamp_seconds",
        "When the node's certificate that expires first expires (where the node reports one).");
    return families;
  }

  private static void family(Map<String, PromFamily> families, String name, String help) {
    families.put(P + name, new PromFamily(P + name, GAUGE, help));
  }

  private static void add(Map<String, PromFamily> families, Server server, NodeStatus status) {
    String[] labels = {
      "server_id",
      server.id().toString(),
      "server",
      server.name(),
      "folder",
      server.folder() == null ? "" : server.folder().name()
    };
    boolean online = status.state() == NodeStatus.State.ONLINE;
    families.get(P + "up").add(online ? 1 : 0, labels);
    if (status.lastSampleAt() != null) {
      families
          .get(P + "last_sample_timestamp_seconds")
          .add(status.lastSampleAt().toEpochMilli() / 1000.0, labels);
    }
    Sample sample = status.latest();
    if (!online || sample == null) {
      return;
    }
    GAUGES.forEach(
        (column, g) -> {
          double value = sample.value(column);
          if (!Double.isNaN(value)) {
            families.get(g[0]).add(value, labels);
          }
        });
    TCP_STATES.forEach(
        (column, state) -> {
          double value = sample.value(column);
          if (!Double.isNaN(value)) {
            families.get(P + "tcp_connections").add(value, with(labels, "state", state));
          }
        });
    NodeFacts facts = status.facts();
    if (facts.uptimeSeconds() >= 0) {
      families.get(P + "uptime_seconds").add(facts.uptimeSeconds(), labels);
    }
    if (facts.sslExpiry() != null) {
      families
          .get(P + "ssl_expiry_timestamp_seconds")
          .add(facts.sslExpiry().getEpochSecond(), with(labels, "domain", facts.sslDomain()));
    }
  }

  private static String[] with(String[] labels, String name, String value) {
    List<String> out = new ArrayList<>(List.of(labels));
    out.add(name);
    out.add(value == null ? "" : value);
    return out.toArray(String[]::new);
  }
}
