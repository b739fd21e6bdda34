package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.node.NodeClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads the agent's {@code /api/metrics} document (field names as in {@code node-api/README.md})
 * into a {@link NodeReading}. A missing section or field gives {@code NaN}, as the agent answers a
 * null section for an unreadable file; a body that is not such a document is refused.
 */
public final class NodeDocumentParser {

  /** The body is not an agent's metrics document. */
  public static final class NotAMetricsDocument extends Exception {
    NotAMetricsDocument(String message) {
      super(message);
    }
  }

  private NodeDocumentParser() {}

  /**
   * Reads a node's successful answer: it must say it is JSON and be the agent's document. (The one
   * check for the poller and {@code metrics/live}.)
   */
  public static NodeReading read(NodeClient.Reply reply) throws NotAMetricsDocument {
    if (!reply.json()) {
      throw new NotAMetricsDocument(
          "the node answered " + reply.contentType() + ", not the agent's JSON");
    }
    return parse(reply.body());
  }

  public static NodeReading parse(String body) throws NotAMetricsDocument {
    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        throw new NotAMetricsDocument("the answer is not a JSON object");
      }
      doc = object;
    } catch (JsonException e) {
      throw new NotAMetricsDocument("the answer is not JSON");
    }
    Instant nodeTime;
    try {
      nodeTime = Instant.parse(doc.getString("timestamp"));
    } catch (NullPointerException | ClassCastException | DateTimeParseException e) {
      throw new NotAMetricsDocument("the answer has no timestamp: not the agent's metrics");
    }
    JsonObject cpu = object(doc, "cpu");
    JsonObject ram = object(object(doc, "memory"), "ram");
    JsonObject swap = object(object(doc, "memory"), "swap");
    JsonObject disk = object(doc, "disk");
    JsonObject network = object(doc, "network");
    JsonObject total = object(network, "total");
    JsonObject system = object(doc, "system");
    JsonObject tcp = object(object(system, "connections_detailed"), "tcp");

    double[] g = new double[MetricColumn.ALL.size()];
    Arrays.fill(g, Double.NaN);
    set(g, MetricColumn.CPU, number(cpu, "usage_percent"));
    set(g, MetricColumn.LOAD1, number(cpu, "load_avg_1"));
    set(g, MetricColumn.LOAD5, number(cpu, "load_avg_5"));
    set(g, MetricColumn.LOAD15, number(cpu, "load_avg_15"));
    set(g, MetricColumn.MEM_USED, number(ram, "used"));
    set(g, MetricColumn.MEM_TOTAL, number(ram, "total"));
    set(g, MetricColumn.SWAP_USED, number(swap, "used"));
    set(g, MetricColumn.SWAP_TOTAL, number(swap, "total"));
    double[] usage = filesystems(disk);
    set(g, MetricColumn.DISK_USED, usage[0]);
    set(g, MetricColumn.DISK_TOTAL, usage[1]);
    set(g, MetricColumn.TCP_ESTABLISHED, number(tcp, "established"));
    set(g, MetricColumn.TCP_LISTEN, number(tcp, "listen"));
    set(g, MetricColumn.TCP_TIME_WAIT, number(tcp, "time_wait"));
    set(g, MetricColumn.TCP_CLOSE_WAIT, number(tcp, "close_wait"));
    set(g, MetricColumn.TCP_SYN_SENT, number(tcp, "syn_sent"));
    set(g, MetricColumn.TCP_SYN_RECV, number(tcp, "syn_recv"));
    set(g, MetricColumn.TCP_FIN_WAIT, number(tcp, "fin_wait"));
    set(g, MetricColumn.TCP_OTHER, number(tcp, "other"));
    set(
        g,
        MetricColumn.UDP,
        number(object(object(system, "connections_detailed"), "udp"), "total"));
    set(g, MetricColumn.CONNTRACK, number(object(system, "conntrack"), "count"));
    set(g, MetricColumn.PROCESSES, number(object(doc, "processes"), "total"));

    double[] io = ioCounters(disk);
    JsonObject ioTotal = object(disk, "io_total");
    return new NodeReading(
        nodeTime,
        string(system, "boot_id"),
        g,
        perCpu(cpu),
        new double[] {number(total, "rx_bytes"), number(total, "tx_bytes"), io[0], io[1]},
        new double[] {
          number(total, "rx_bytes_per_sec"),
          number(total, "tx_bytes_per_sec"),
          number(ioTotal, "read_bytes_per_sec"),
          number(ioTotal, "write_bytes_per_sec")
        },
        physicalPeaks(network),
        facts(doc, cpu, system));
  }

  /**
   * Uptime, cores and the nearest certificate expiry ({@code certificates.closest_expiry}, seed
   * §2.3: {@code expiry_date} as an ISO time or date). A value that is missing or malformed is left
   * out rather than refusing the document.
   */
  private static NodeFacts facts(JsonObject doc, JsonObject cpu, JsonObject system) {
    double uptime = number(system, "uptime_seconds");
    double cores = number(cpu, "cores_logical");
    JsonObject closest = object(object(doc, "certificates"), "closest_expiry");
    return new NodeFacts(
        Double.isNaN(uptime) || uptime < 0 ? -1 : (long) uptime,
        Double.isNaN(cores) || cores < 0 ? 0 : (int) Math.min(cores, 100_000),
        string(closest, "domain"),
        expiry(string(closest, "expiry_date")));
  }

  private static Instant expiry(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static void set(double[] values, MetricColumn column, double value) {
    values[column.ordinal()] = value;
  }

  /** Used and total bytes over the real filesystems, each device counted once. */
  private static double[] filesystems(JsonObject disk) {
    JsonArray partitions = array(disk, "partitions");
    if (partitions == null) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Set<String> devices = new HashSet<>();
    double used = 0;
    double size = 0;
    for (JsonValue value : partitions) {
      if (value instanceof JsonObject p && devices.add(String.valueOf(string(p, "device")))) {
        used += zeroIfNaN(number(p, "used"));
        size += zeroIfNaN(number(p, "total"));
      }
    }
    return new double[] {used, size};
  }

  /** Read and written bytes summed over the block devices the agent reports. */
  private static double[] ioCounters(JsonObject disk) {
    JsonObject io = object(disk, "io");
    if (io == null) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double read = 0;
    double written = 0;
    for (JsonValue value : io.values()) {
      if (value instanceof JsonObject device) {
        read += zeroIfNaN(number(device, "read_bytes"));
        written += zeroIfNaN(number(device, "write_bytes"));
      }
    }
    return new double[] {read, written};
  }

  /**
   * The 1-second peaks of the physical interfaces, summed: the agent reports peaks per interface,
   * and the panel's figures are over physical interfaces only, like the node's {@code total}.
   */
  private static double[] physicalPeaks(JsonObject network) {
    JsonArray interfaces = array(network, "interfaces");
    if (interfaces == null) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double rx = Double.NaN;
    double tx = Double.NaN;
    for (JsonValue value : interfaces) {
      if (value instanceof JsonObject i && !i.getBoolean("is_virtual", false)) {
        double r = number(i, "rx_peak_per_sec");
        double t = number(i, "tx_peak_per_sec");
        rx = Double.isNaN(r) ? rx : zeroIfNaN(rx) + r;
        tx = Double.isNaN(t) ? tx : zeroIfNaN(tx) + t;
      }
    }
    return new double[] {rx, tx};
  }

  private static String perCpu(JsonObject cpu) {
    JsonArray cores = array(cpu, "per_cpu_percent");
    if (cores == null || cores.isEmpty()) {
      return null;
    }
    StringJoiner out = new StringJoiner(",");
    for (JsonValue core : cores) {
      if (!(core instanceof JsonNumber n)) {
        return null;
      }
      out.add(Double.toString(Math.round(n.doubleValue() * 10) / 10.0));
    }
    String text = out.toString();
    return text.length() > 2000 ? null : text;
  }

  private static JsonObject object(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonObject o ? o : null;
  }

  private static JsonArray array(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonArray a ? a : null;
  }

  private static double number(JsonObject parent, String name) {
    if (parent != null && parent.get(name) instanceof JsonNumber n) {
      double value = n.doubleValue();
      return Double.isFinite(value) ? value : Double.NaN;
    }
    return Double.NaN;
  }

  private static String string(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static double zeroIfNaN(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
