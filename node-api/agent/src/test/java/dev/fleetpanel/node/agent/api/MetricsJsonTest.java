package dev.fleetpanel.node.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import dev.fleetpanel.node.agent.metrics.ProcessInfo;
import dev.fleetpanel.node.agent.metrics.ProcessSummary;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJsonTest {

  @TempDir Path emptyRoot;

  @Test
  void emptyRootGivesNullSectionsInAValidDocument() {
    MetricsFixtures.Sampled sampled = MetricsFixtures.collector(emptyRoot);
    sampled.sample();

    JsonObject doc = MetricsFixtures.parse(MetricsFixtures.json(sampled.sample()));

    assertThat(doc.getString("timestamp")).isEqualTo("2026-01-01T12:00:00Z");
    assertThat(doc.getString("agent_version")).isEqualTo(MetricsFixtures.VERSION);
    for (String section : List.of("cpu", "memory", "disk", "network", "processes", "system")) {
      assertThat(doc.get(section)).as(section).isEqualTo(JsonValue.NULL);
    }
  }

  @Test
  void hostileProcessNameIsWrittenAsValidJson() {
    String name = "a\"b\\c\nd\t\u0001 é 名前 \uD83D\uDE80 </script>";
    ProcessInfo p = new ProcessInfo(42, name, "bob\"", "running", 12.5, 1.25, 4096);
    ProcessSummary processes = new ProcessSummary(1, 1, 0, List.of(p), List.of(p));
    MetricsSnapshot snapshot =
        new MetricsSnapshot(MetricsFixtures.NOW, null, null, null, null, processes, null);

    JsonObject doc = MetricsFixtures.parse(MetricsFixtures.json(snapshot));

    JsonObject top = doc.getJsonObject("processes").getJsonArray("top_by_cpu").getJsonObject(0);
    assertThat(top.getString("name")).isEqualTo(name);
    assertThat(top.getString("user")).isEqualTo("bob\"");
    assertThat(top.getJsonNumber("cpu_percent").doubleValue()).isEqualTo(12.5);
    assertThat(top.getJsonNumber("rss").longValue()).isEqualTo(4096);
  }

  @Test
  void sectionDocumentIsTheBareSubObjectOfTheFullDocument() {
    MetricsFixtures.Sampled sampled = MetricsFixtures.collector(MetricsFixtures.root1());
    sampled.sample();
    MetricsSnapshot snapshot = sampled.sample();
    JsonObject full = MetricsFixtures.parse(MetricsFixtures.json(snapshot));

    for (String section : MetricsJson.SECTIONS) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new MetricsJson(MetricsFixtures.VERSION).writeSection(section, snapshot, out);
      JsonValue alone = MetricsFixtures.parseValue(out.toString(StandardCharsets.UTF_8));
      assertThat(alone).as(section).isEqualTo(full.get(section));
    }
  }

  @Test
  void unknownSectionDocumentIsNullAndUnknownNameIsRejected() {
    MetricsSnapshot empty = MetricsSnapshot.empty(MetricsFixtures.NOW);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MetricsJson(MetricsFixtures.VERSION).writeSection("cpu", empty, out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("null");
    assertThatThrownBy(
            () ->
                new MetricsJson(MetricsFixtures.VERSION)
                    .writeSection("system", empty, new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
