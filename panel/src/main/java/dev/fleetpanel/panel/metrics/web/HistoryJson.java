package dev.fleetpanel.panel.metrics.web;

import dev.fleetpanel.panel.metrics.History;
import dev.fleetpanel.panel.metrics.MetricColumn;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;

/**
 * Writes a {@link History} as the history API's JSON, streamed: {@code {period, data_source,
 * from_time, to_time, step_seconds, count, data: [{timestamp, data_points, <metric>, max_<metric>,
 * memory_percent, swap_percent, disk_percent, per_cpu_percent?}], gaps: [{from, to, kind}]}}.
 * Figures of 100 and more are whole numbers (bytes, bytes per second, counts: decimals there are
 * noise, and a long is written faster and shorter than a double, which would also turn into 6.6E9),
 * smaller ones keep 2 decimals, percentages 1; a missing figure is null. Streaming keeps a
 * 1,500-point answer (about 70,000 values) from being built as maps first.
 */
final class HistoryJson {

  private HistoryJson() {}

  static void write(History h, OutputStream out) {
    try (JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject()
          .write("period", h.period())
          .write("data_source", h.source())
          .write("from_time", h.from().toString())
          .write("to_time", h.to().toString())
          .write("step_seconds", h.stepSeconds())
          .write("count", h.points().size());
      json.writeStartArray("data");
      for (History.Point point : h.points()) {
        point(json, point);
      }
      json.writeEnd();
      json.writeStartArray("gaps");
      for (History.Gap gap : h.gaps()) {
        json.writeStartObject()
            .write("from", gap.from().toString())
            .write("to", gap.to().toString())
            .write("kind", gap.kind())
            .writeEnd();
      }
      json.writeEnd().writeEnd();
    }
  }

  private static void point(JsonGenerator json, History.Point p) {
    json.writeStartObject().write("timestamp", p.at().toString()).write("data_points", p.samples());
    for (MetricColumn column : MetricColumn.ALL) {
      number(json, column.json(), p.average(column), 100);
      if (column.peaked()) {
        number(json, "max_" + column.json(), p.maximum(column), 100);
      }
    }
    percent(json, "memory_percent", p, MetricColumn.MEM_USED, MetricColumn.MEM_TOTAL);
    percent(json, "swap_percent", p, MetricColumn.SWAP_USED, MetricColumn.SWAP_TOTAL);
    percent(json, "disk_percent", p, MetricColumn.DISK_USED, MetricColumn.DISK_TOTAL);
    if (p.perCpu() != null) {
      json.writeStartArray("per_cpu_percent");
      for (String core : p.perCpu().split(",")) {
        try {
          json.write(Double.parseDouble(core));
        } catch (NumberFormatException e) {
          json.writeNull();
        }
      }
      json.writeEnd();
    }
    json.writeEnd();
  }

  private static void percent(
      JsonGenerator json, String name, History.Point p, MetricColumn used, MetricColumn total) {
    double t = p.average(total);
    number(json, name, t > 0 ? p.average(used) / t * 100 : Double.NaN, 10);
  }

  private static void number(JsonGenerator json, String name, double value, int scale) {
    if (Double.isNaN(value)) {
      json.writeNull(name);
    } else if (Math.abs(value) >= 100 && scale == 100) {
      json.write(name, Math.round(value));
    } else {
      json.write(name, Math.round(value * scale) / (double) scale);
    }
  }
}
