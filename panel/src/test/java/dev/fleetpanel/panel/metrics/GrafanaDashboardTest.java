package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example Grafana dashboard in docs/ asks only for metrics and labels the panel exports. */
class GrafanaDashboardTest {
  private static final Path DASHBOARD =
      Path.of(System.getProperty("fleetpanel.root", "..")).resolve("docs/grafana-fleet.json");

  @Test
  void everyMetricAndLabelTheDashboardUsesIsExported() throws Exception {
    String text = Files.readString(DASHBOARD);
    JsonObject json = Json.createReader(new java.io.StringReader(text)).readObject();
    Set<String> metrics = new TreeSet<>();
    Matcher m = Pattern.compile("fleetpanel_server_[a-z0-9_]+").matcher(text);
    while (m.find()) {
      metrics.add(m.group());
    }
    Set<String> labels = new TreeSet<>();
    Matcher l = Pattern.compile("([a-z_]+)=~?\\\\\"").matcher(text);
    while (l.find()) {
      labels.add(l.group(1));
    }

    assertThat(json.getString("title")).isNotBlank();
    assertThat(json.getJsonArray("panels")).isNotEmpty();
    assertThat(metrics).hasSizeGreaterThan(8);
    assertThat(PrometheusExport.familyNames()).containsAll(metrics);
    assertThat(Set.of("server_id", "server", "folder", "state", "domain")).containsAll(labels);
  }
}
