package dev.fleetpanel.panel.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.metrics.History;
import dev.fleetpanel.panel.metrics.MetricColumn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  private static JsonObject write(History h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryJson.write(h, out);
    return Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
  }

  @Test
  void pointsCarryTheSeedsNamesRoundedWithNullsForMissingFigures() {
    double[] averages = new double[MetricColumn.ALL.size()];
    double[] maxima = new double[MetricColumn.ALL.size()];
    Arrays.fill(averages, Double.NaN);
    Arrays.fill(maxima, Double.NaN);
    averages[MetricColumn.CPU.ordinal()] = 12.3456;
    maxima[MetricColumn.CPU.ordinal()] = 99.999;
    averages[MetricColumn.MEM_USED.ordinal()] = 1_000;
    averages[MetricColumn.MEM_TOTAL.ordinal()] = 3_000;
    History h =
        new History(
            "1h",
            "raw",
            T.minusSeconds(3600),
            T,
            5,
            List.of(new History.Point(T, 1, averages, maxima, "1.5,2")),
            List.of(new History.Gap(T.minusSeconds(3600), T.minusSeconds(600), "panel")));

    JsonObject json = write(h);

    assertThat(json.getString("data_source")).isEqualTo("raw");
    assertThat(json.getInt("count")).isEqualTo(1);
    JsonObject point = json.getJsonArray("data").getJsonObject(0);
    assertThat(point.getString("timestamp")).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(point.getJsonNumber("cpu_usage").doubleValue()).isEqualTo(12.35);
    assertThat(point.getJsonNumber("max_cpu_usage").doubleValue()).isEqualTo(100.0);
    assertThat(point.getJsonNumber("memory_percent").doubleValue()).isEqualTo(33.3);
    assertThat(point.getJsonNumber("memory_used").isIntegral())
        .as("bytes as a whole number")
        .isTrue();
    assertThat(point.getJsonNumber("memory_total").longValue()).isEqualTo(3_000);
    assertThat(point.isNull("disk_percent")).isTrue();
    assertThat(point.isNull("load_avg_1")).isTrue();
    assertThat(point.containsKey("max_load_avg_5")).as("load 5 has no maximum").isFalse();
    assertThat(point.getJsonArray("per_cpu_percent").getJsonNumber(0).doubleValue()).isEqualTo(1.5);
    assertThat(json.getJsonArray("gaps").getJsonObject(0).getString("kind")).isEqualTo("panel");
  }
}
