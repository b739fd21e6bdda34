package bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsDocumentTest {

  /** The real agent's document, pinned by the agent's own golden test. */
  static final Path GOLDEN =
      Path.of("../../node-api/agent/src/test/resources/golden/metrics-root1.json");

  static Set<String> goldenPaths() throws IOException {
    return JsonPaths.of(Files.readAllBytes(GOLDEN));
  }

  @Test
  void everyHostWritesExactlyTheAgentsFields() throws IOException {
    Set<String> golden = goldenPaths();
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    for (int index = 0; index < 20; index++) {
      SimNode node =
          SimNode.of("1", "sim-" + index, 0, Behaviour.NORMAL, null, 42, index, now, null);
      byte[] document = node.host().document(now.plusSeconds(10));
      assertThat(JsonPaths.of(document)).as(node.name()).isEqualTo(golden);
    }
  }

  @Test
  void timestampIsTheRequestsUtcInstantAndUptimeFollowsTheBootTime() {
    Instant now = Instant.parse("2026-01-01T12:00:00.123456Z");
    SimNode node = SimNode.of("1", "sim-1", 0, Behaviour.NORMAL, null, 42, 1, now, null);
    JsonObject doc = JsonPaths.object(node.host().document(now));
    JsonObject system = doc.getJsonObject("system");
    Instant boot = Instant.parse(system.getString("boot_time"));

    assertThat(doc.getString("timestamp")).isEqualTo("2026-01-01T12:00:00.123Z");
    assertThat(system.getJsonNumber("uptime_seconds").longValue())
        .isBetween(
            now.getEpochSecond() - boot.getEpochSecond() - 1,
            now.getEpochSecond() - boot.getEpochSecond());
  }

  @Test
  void uptimeIsWrittenAsTheAgentWritesIt() {
    assertThat(SystemJson.human(273_906)).isEqualTo("3d 4h 5m");
    assertThat(SystemJson.human(86_400 + 180)).isEqualTo("1d 3m");
    assertThat(SystemJson.human(40)).isEqualTo("0m");
  }
}
