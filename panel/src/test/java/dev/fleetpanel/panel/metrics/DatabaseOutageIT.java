package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.testing.FakeNode;
import dev.fleetpanel.panel.testing.SystemTests;
import dev.fleetpanel.panel.testing.TcpProxy;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away (every connection cut, new ones refused) while the poller runs, then comes
 * back. What is kept: the polling goes on from the last known server list, the samples of the
 * outage wait in memory and are all written once the database is back (none lost, none doubled),
 * and the outage is logged once when it starts and once when it ends, not per sample or cycle.
 */
class DatabaseOutageIT {

  @TempDir Path data;

  @Test
  void samplesTakenWhileTheDatabaseIsAwayAreWrittenWhenItComesBack() throws Exception {
    SystemTests.assume(TestDatabase.postgresReachable(), "PostgreSQL");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture = capture(warnings);
    Logger writerLog = Logger.getLogger(SampleWriter.class.getName());
    Logger pollerLog = Logger.getLogger(Poller.class.getName());
    writerLog.addHandler(capture);
    pollerLog.addHandler(capture);
    try (TestDatabase db = TestDatabase.postgres()) {
      URI url = URI.create(db.url().substring("jdbc:".length()));
      try (TcpProxy proxy = new TcpProxy(url.getPort());
          CollectorFixture f =
              new CollectorFixture(
                  db.config(
                      data,
                      Map.of(
                          "FLEETPANEL_DB_URL",
                          db.url()
                              .replace(":" + url.getPort() + "/", ":" + proxy.port() + "/"))))) {
        long a = f.node("a", FakeNode.Behaviour.NORMAL);
        long b = f.node("b", FakeNode.Behaviour.NORMAL);
        f.cycle();
        assertThat(f.writer.flush()).isTrue();

        proxy.cut();
        f.poller.refreshServers();
        for (int i = 0; i < 3; i++) {
          CycleStats during = f.cycle();
          assertThat(during.succeeded())
              .as("polling goes on without the database: %s %s", during, f.state.status(a))
              .isEqualTo(2);
        }
        assertThat(f.writer.flush()).isFalse();
        assertThat(f.writer.queued()).isEqualTo(6);
        proxy.restore();

        // The storage thread flushes every second; the pool may need a few tries to reconnect.
        boolean written = false;
        for (int i = 0; i < 60 && !written; i++) {
          written = f.writer.flush();
          if (!written) {
            Thread.sleep(500);
          }
        }
        assertThat(written).as("written within 30 s of the database coming back").isTrue();
        assertThat(f.rows(a)).isEqualTo(4);
        assertThat(f.rows(b)).isEqualTo(4);
        assertThat(f.writer.dropped()).isZero();
      }
    } finally {
      writerLog.removeHandler(capture);
      pollerLog.removeHandler(capture);
    }
    // At most one warning per part (the writer's, and the server list's when the outage hit its
    // refresh), not one per sample or cycle.
    assertThat(warnings)
        .extracting(LogRecord::getLoggerName)
        .containsOnlyOnce(SampleWriter.class.getName())
        .doesNotHaveDuplicates();
  }

  private static Handler capture(List<LogRecord> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          into.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
