package bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class NodeModelTest {

  private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void countersGrowByTheReportedRateTimesTheInterval() {
    SimNode node = SimNode.of("1", "sim-1", 0, Behaviour.NORMAL, null, 7, 3, START, null);
    JsonObject before = eth0(node.host().document(START));
    for (int poll = 1; poll <= 30; poll++) {
      JsonObject after = eth0(node.host().document(START.plusSeconds(10L * poll)));
      long grown =
          after.getJsonNumber("rx_bytes").longValue()
              - before.getJsonNumber("rx_bytes").longValue();
      double rate = after.getJsonNumber("rx_bytes_per_sec").doubleValue();

      assertThat(grown).isNotNegative();
      assertThat((double) grown).isCloseTo(rate * 10, within(rate * 0.01 + 2));
      assertThat(after.getJsonNumber("rx_peak_per_sec").doubleValue()).isGreaterThanOrEqualTo(rate);
      before = after;
    }
  }

  @Test
  void aRebootResetsCountersAndUptimeAndChangesTheBootId() {
    Duration period = Duration.ofMinutes(3);
    SimNode node = SimNode.of("1", "sim-1", 0, Behaviour.REBOOT, null, 7, 3, START, period);
    Instant reboot = bootTime(JsonPaths.object(node.host().document(START))).plus(period);
    JsonObject before = JsonPaths.object(node.host().document(reboot.minusSeconds(2)));
    JsonObject after = JsonPaths.object(node.host().document(reboot.plusSeconds(2)));

    assertThat(system(after).getString("boot_id"))
        .isNotEqualTo(system(before).getString("boot_id"));
    assertThat(bootTime(after)).isEqualTo(reboot.truncatedTo(ChronoUnit.SECONDS));
    assertThat(system(after).getJsonNumber("uptime_seconds").longValue()).isBetween(1L, 2L);
    assertThat(rx(after)).isLessThan(rx(before));
  }

  @Test
  void aNodeThatDoesNotRebootKeepsItsBootId() {
    SimNode node = SimNode.of("1", "sim-1", 0, Behaviour.NORMAL, null, 7, 3, START, null);
    JsonObject first = JsonPaths.object(node.host().document(START));
    JsonObject later = JsonPaths.object(node.host().document(START.plus(Duration.ofHours(5))));

    assertThat(system(later).getString("boot_id")).isEqualTo(system(first).getString("boot_id"));
    assertThat(rx(later)).isGreaterThan(rx(first));
  }

  private static JsonObject system(JsonObject doc) {
    return doc.getJsonObject("system");
  }

  private static Instant bootTime(JsonObject doc) {
    return Instant.parse(system(doc).getString("boot_time"));
  }

  private static long rx(JsonObject doc) {
    return doc.getJsonObject("network")
        .getJsonObject("total")
        .getJsonNumber("rx_bytes")
        .longValue();
  }

  private static JsonObject eth0(byte[] document) {
    return JsonPaths.object(document)
        .getJsonObject("network")
        .getJsonArray("interfaces")
        .getJsonObject(1);
  }
}
