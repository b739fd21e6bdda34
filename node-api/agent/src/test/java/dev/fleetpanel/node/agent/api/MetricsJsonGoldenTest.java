package dev.fleetpanel.node.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the field names, nesting and values of the {@code /api/metrics} document for fixture root1
 * (two samples one second apart, files unchanged, so every rate is 0). Compared as parsed JSON, so
 * formatting does not matter. To regenerate after an intended change:
 *
 * <pre>mvn -pl node-api/agent test -Dtest=MetricsJsonGoldenTest -Dgolden.update=true</pre>
 */
class MetricsJsonGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/metrics-root1.json");

  @Test
  void documentOfRoot1MatchesTheGoldenFile() throws IOException {
    MetricsFixtures.Sampled sampled = MetricsFixtures.collector(MetricsFixtures.root1());
    sampled.sample();
    JsonObject actual = normalised(MetricsFixtures.parse(MetricsFixtures.json(sampled.sample())));

    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, pretty(actual), StandardCharsets.UTF_8);
    }
    JsonObject expected = MetricsFixtures.parse(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }

  /** The architecture is the JVM's, so it differs between build machines: pinned as a marker. */
  private static JsonObject normalised(JsonObject document) {
    JsonObject system = document.getJsonObject("system");
    assertThat(system.getString("architecture")).isEqualTo(System.getProperty("os.arch"));
    JsonObject fixedSystem =
        Json.createObjectBuilder(system).add("architecture", "<os.arch of the JVM>").build();
    return Json.createObjectBuilder(document).add("system", fixedSystem).build();
  }

  private static String pretty(JsonObject value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.writeObject(value);
    }
    return out.toString().strip() + "\n";
  }
}
