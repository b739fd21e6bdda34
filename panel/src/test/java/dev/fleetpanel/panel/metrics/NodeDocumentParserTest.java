package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.panel.testing.FakeNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's real document (its golden file) as the panel reads it. */
class NodeDocumentParserTest {

  static String golden() throws Exception {
    return FakeNode.golden();
  }

  @Test
  void readsTheAgentsDocument() throws Exception {
    NodeReading r = NodeDocumentParser.parse(golden());

    assertThat(r.nodeTime()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
    assertThat(r.bootId()).isEqualTo("3f2b9c1e-8d4a-4f6b-9e2d-7c1a5b8e0f42");
    assertThat(gauge(r, MetricColumn.LOAD1)).isEqualTo(0.52);
    assertThat(gauge(r, MetricColumn.MEM_USED)).isEqualTo(6601929728d);
    assertThat(gauge(r, MetricColumn.MEM_TOTAL)).isEqualTo(16715509760d);
    assertThat(gauge(r, MetricColumn.SWAP_USED)).isEqualTo(536870912d);
    assertThat(gauge(r, MetricColumn.TCP_ESTABLISHED)).isEqualTo(6);
    assertThat(gauge(r, MetricColumn.TCP_CLOSE_WAIT)).isEqualTo(2);
    assertThat(gauge(r, MetricColumn.TCP_OTHER)).isEqualTo(5);
    assertThat(gauge(r, MetricColumn.UDP)).isEqualTo(6);
    assertThat(gauge(r, MetricColumn.CONNTRACK)).isEqualTo(1234);
    assertThat(gauge(r, MetricColumn.PROCESSES)).isEqualTo(4);
    assertThat(gauge(r, MetricColumn.DISK_TOTAL)).isGreaterThanOrEqualTo(107374182400d);
    assertThat(r.counters()[NodeReading.NET_RX]).isEqualTo(1009181586292d);
    assertThat(r.counters()[NodeReading.NET_TX]).isEqualTo(134204693012d);
    assertThat(r.counters()[NodeReading.DISK_READ]).isGreaterThanOrEqualTo(5023918080d);
    assertThat(r.perCpu()).matches("[0-9.]+(,[0-9.]+)*");
    assertThat(Double.isNaN(gauge(r, MetricColumn.NET_RX))).as("rates come later").isTrue();
  }

  @Test
  void missingSectionsAreNaNNotErrors() throws Exception {
    NodeReading r =
        NodeDocumentParser.parse(
            "{\"timestamp\":\"2026-01-01T12:00:00Z\",\"cpu\":null,\"memory\":{\"ram\":{}}}");

    assertThat(Double.isNaN(gauge(r, MetricColumn.CPU))).isTrue();
    assertThat(Double.isNaN(gauge(r, MetricColumn.MEM_USED))).isTrue();
    assertThat(Double.isNaN(r.counters()[NodeReading.NET_RX])).isTrue();
    assertThat(r.bootId()).isNull();
    assertThat(r.perCpu()).isNull();
  }

  @Test
  void factsAreUptimeCoresAndTheNearestCertificateExpiryWhereReported() throws Exception {
    NodeFacts golden = NodeDocumentParser.parse(golden()).facts();
    assertThat(golden.uptimeSeconds()).isEqualTo(273906);
    assertThat(golden.logicalCores()).isEqualTo(4);
    assertThat(golden.sslExpiry()).as("the agent reports no certificates yet").isNull();

    String base = "{\"timestamp\":\"2026-01-01T12:00:00Z\",\"certificates\":{\"count\":2,";
    NodeFacts iso =
        NodeDocumentParser.parse(
                base
                    + "\"closest_expiry\":{\"domain\":\"a.example\",\"days_left\":3,"
                    + "\"expiry_date\":\"2026-01-04T10:00:00Z\",\"expired\":false}}}")
            .facts();
    NodeFacts date =
        NodeDocumentParser.parse(
                base + "\"closest_expiry\":{\"domain\":\"b\",\"expiry_date\":\"2026-02-01\"}}}")
            .facts();
    NodeFacts garbage =
        NodeDocumentParser.parse(
                base + "\"closest_expiry\":{\"domain\":7,\"expiry_date\":\"soon\"}}}")
            .facts();

    assertThat(iso.sslDomain()).isEqualTo("a.example");
    assertThat(iso.sslExpiry()).isEqualTo(Instant.parse("2026-01-04T10:00:00Z"));
    assertThat(date.sslExpiry()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(garbage.sslExpiry()).isNull();
    assertThat(garbage.sslDomain()).isNull();
    assertThat(iso.uptimeSeconds()).as("not reported").isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "<html>hi</html>", "[1,2]", "{\"not\":\"metrics\"}", "{\"timestamp\":5}"})
  void somethingElseIsRefused(String body) {
    assertThatThrownBy(() -> NodeDocumentParser.parse(body))
        .isInstanceOf(NodeDocumentParser.NotAMetricsDocument.class);
  }

  private static double gauge(NodeReading r, MetricColumn column) {
    return r.gauges()[column.ordinal()];
  }
}
