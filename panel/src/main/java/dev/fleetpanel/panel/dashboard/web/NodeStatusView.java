package dev.fleetpanel.panel.dashboard.web;

import static dev.fleetpanel.panel.platform.web.Units.bytes;
import static dev.fleetpanel.panel.platform.web.Units.percent;
import static dev.fleetpanel.panel.platform.web.Units.rate;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node's live state as the server details page shows it, read from the agent's {@code
 * /api/metrics} document; sizes and rates are already formatted ("3.2 GiB", "1.5 MB/s"). A section
 * the node could not read is absent (null or empty), never an error.
 */
public record NodeStatusView(
    String hostname,
    String os,
    String kernel,
    String architecture,
    String bootTime,
    String uptime,
    String bootId,
    String cpuModel,
    String cores,
    String cpuPercent,
    String load,
    String ram,
    String ramPercent,
    String swap,
    String networkDown,
    String networkUp,
    List<Disk> disks,
    List<Interface> interfaces,
    Map<String, String> tcp,
    List<Process> processes) {

  /** A mounted filesystem. */
  public record Disk(String mount, String device, String used, String total, String percent) {}

  /** A network interface with its current rates. */
  public record Interface(String name, boolean virtual, String down, String up, String peakDown) {}

  /** A process of the top lists (by CPU and by memory, merged). */
  public record Process(long pid, String name, String user, String cpu, String rss) {}

  /**
   * The TCP states of the agent's {@code connections_detailed.tcp}, in the order pages show them.
   */
  static final List<String> TCP_STATES =
      List.of(
          "established",
          "listen",
          "time_wait",
          "close_wait",
          "syn_sent",
          "syn_recv",
          "fin_wait",
          "other");

  static NodeStatusView of(JsonObject doc) {
    JsonObject cpu = object(doc, "cpu");
    JsonObject memory = object(doc, "memory");
    JsonObject ram = object(memory, "ram");
    JsonObject swap = object(memory, "swap");
    JsonObject system = object(doc, "system");
    JsonObject total = object(object(doc, "network"), "total");
    return new NodeStatusView(
        text(system, "hostname"),
        text(system, "os"),
        text(system, "kernel"),
        text(system, "architecture"),
        text(system, "boot_time"),
        text(system, "uptime_human"),
        text(system, "boot_id"),
        text(cpu, "model"),
        number(cpu, "cores_logical") == null
            ? null
            : String.format(Locale.ROOT, "%.0f", number(cpu, "cores_logical")),
        percent(number(cpu, "usage_percent")),
        cpu == null
            ? null
            : String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.2f",
                zero(number(cpu, "load_avg_1")),
                zero(number(cpu, "load_avg_5")),
                zero(number(cpu, "load_avg_15"))),
        usage(ram),
        percent(number(ram, "percent")),
        usage(swap),
        rate(number(total, "rx_bytes_per_sec")),
        rate(number(total, "tx_bytes_per_sec")),
        disks(object(doc, "disk")),
        interfaces(object(doc, "network")),
        tcp(object(object(system, "connections_detailed"), "tcp")),
        processes(object(doc, "processes")));
  }

  private static List<Disk> disks(JsonObject disk) {
    List<Disk> out = new ArrayList<>();
    for (JsonObject p : objects(disk, "partitions")) {
      out.add(
          new Disk(
              text(p, "mountpoint"),
              text(p, "device"),
              bytes(number(p, "used")),
              bytes(number(p, "total")),
              percent(number(p, "percent"))));
    }
    return out;
  }

  private static List<Interface> interfaces(JsonObject network) {
    List<Interface> out = new ArrayList<>();
    for (JsonObject i : objects(network, "interfaces")) {
      out.add(
          new Interface(
              text(i, "name"),
              i.getBoolean("is_virtual", false),
              rate(number(i, "rx_bytes_per_sec")),
              rate(number(i, "tx_bytes_per_sec")),
              rate(number(i, "rx_peak_per_sec"))));
    }
    return out;
  }

  private static Map<String, String> tcp(JsonObject tcp) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tcp != null) {
      for (String state : TCP_STATES) {
        Double n = number(tcp, state);
        out.put(state, n == null ? "—" : String.format(Locale.ROOT, "%.0f", n));
      }
    }
    return out;
  }

  private static List<Process> processes(JsonObject processes) {
    Map<Long, Process> merged = new LinkedHashMap<>();
    for (String list : List.of("top_by_cpu", "top_by_memory")) {
      for (JsonObject p : objects(processes, list)) {
        Double pid = number(p, "pid");
        if (pid != null) {
          merged.putIfAbsent(
              pid.longValue(),
              new Process(
                  pid.longValue(),
                  text(p, "name"),
                  text(p, "user"),
                  percent(number(p, "cpu_percent")),
                  bytes(number(p, "rss"))));
        }
      }
    }
    return List.copyOf(merged.values());
  }

  private static String usage(JsonObject o) {
    Double used = number(o, "used");
    Double total = number(o, "total");
    return used == null || total == null ? null : bytes(used) + " / " + bytes(total);
  }

  private static double zero(Double value) {
    return value == null ? 0 : value;
  }

  private static JsonObject object(JsonObject parent, String name) {
    if (parent == null
        || !parent.containsKey(name)
        || parent.get(name).getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    return parent.getJsonObject(name);
  }

  private static List<JsonObject> objects(JsonObject parent, String name) {
    if (parent == null
        || !parent.containsKey(name)
        || parent.get(name).getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
    }
    return parent.getJsonArray(name).stream()
        .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private static String text(JsonObject o, String name) {
    return o != null
            && o.containsKey(name)
            && o.get(name).getValueType() == JsonValue.ValueType.STRING
        ? o.getString(name)
        : null;
  }

  private static Double number(JsonObject o, String name) {
    return o != null && o.get(name) instanceof JsonNumber n ? n.doubleValue() : null;
  }
}
