package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.FakeNode;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against nodes over real mutual TLS (enrolled with the panel's issuers) that answer,
 * hang, send garbage or the wrong content type, or reboot; samples go to PostgreSQL (H2 where it is
 * missing).
 */
class PollerIT {
  @TempDir Path data;

  private TestDatabase db;
  private CollectorFixture f;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.postgresReachable() ? TestDatabase.postgres() : TestDatabase.h2();
    f = new CollectorFixture(db.config(data, Map.of()));
  }

  @AfterEach
  void close() {
    f.close();
    db.close();
  }

  @Test
  void aHangingNodeTimesOutWithoutHoldingBackTheOthers() throws Exception {
    long a = f.node("a", FakeNode.Behaviour.NORMAL);
    long b = f.node("b", FakeNode.Behaviour.NORMAL);
    long hanging = f.node("hanging", FakeNode.Behaviour.HANGING);

    CycleStats stats = f.cycle();

    assertThat(stats.polled()).isEqualTo(3);
    assertThat(stats.succeeded()).isEqualTo(2);
    assertThat(stats.failed()).isEqualTo(1);
    // The answering nodes were in before the hanging one was given up at the deadline.
    assertThat(stats.collectedMillis()).isLessThan(stats.settledMillis());
    assertThat(stats.settledMillis())
        .isGreaterThanOrEqualTo(Poller.deadline(Duration.ofSeconds(6)).toMillis());
    assertThat(f.state.status(a).state()).isEqualTo(NodeStatus.State.ONLINE);
    assertThat(f.state.status(b).latestDocument()).contains("\"cpu\"");
    assertThat(f.state.status(hanging).lastReason()).isEqualTo("timeout");
    assertThat(f.rows(a)).isEqualTo(1);
    assertThat(f.rows(hanging)).isZero();
  }

  @Test
  void garbageAndTheWrongContentTypeAreFailuresThatStoreNothing() throws Exception {
    long html = f.node("html", FakeNode.Behaviour.HTML);
    long text = f.node("text", FakeNode.Behaviour.JSON_AS_TEXT);

    f.cycle();

    assertThat(f.state.status(html).lastReason()).isEqualTo("garbage");
    assertThat(f.state.status(html).lastError()).contains("text/html");
    assertThat(f.state.status(text).lastReason()).isEqualTo("garbage");
    assertThat(f.state.status(text).latestDocument()).isNull();
    assertThat(f.rows(html) + f.rows(text)).isZero();
  }

  @Test
  void aRebootIsACounterResetNeverANegativeRate() throws Exception {
    long id = f.node("rebooting", FakeNode.Behaviour.NORMAL);
    FakeNode node = f.nodes.get(0);
    Instant t = Instant.now();
    node.nodeTime = t;
    node.rxBytes = 5_000_000;
    f.cycle();
    node.nodeTime = t.plusSeconds(10);
    node.rxBytes = 6_000_000;
    f.cycle();
    double steady = f.state.status(id).latest().value(MetricColumn.NET_RX);
    node.nodeTime = t.plusSeconds(20);
    node.rxBytes = 1_000;
    node.bootId = "00000000-0000-0000-0000-000000000001";
    f.cycle();
    double afterReboot = f.state.status(id).latest().value(MetricColumn.NET_RX);

    assertThat(steady).isEqualTo(100_000);
    assertThat(afterReboot).isGreaterThanOrEqualTo(0);
    assertThat(f.rows(id)).isEqualTo(3);
  }

  @Test
  void aNodeThatKeepsFailingIsSkippedByTheBreakerThenProbed() throws Exception {
    long id = f.node("flaky", FakeNode.Behaviour.HTML);

    for (int i = 0; i < 3; i++) {
      assertThat(f.cycle().polled()).isEqualTo(1);
    }
    CycleStats skipped = f.cycle();
    f.nodes.get(0).behaviour = FakeNode.Behaviour.NORMAL;
    f.cycle();
    f.cycle();
    CycleStats probe = f.cycle();

    assertThat(skipped.skipped()).isEqualTo(1);
    assertThat(probe.polled()).isEqualTo(1);
    assertThat(f.state.status(id).state()).isEqualTo(NodeStatus.State.ONLINE);
  }
}
