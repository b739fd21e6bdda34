package dev.fleetpanel.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.testing.MutableClock;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Samples written, rolled up, retained and read back as history, on PostgreSQL (daily partitions)
 * and H2, with a clock the test moves.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Engine.class)
class MetricsStoreIT {

  static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
  static final long SERVER = 7;

  @Parameter TestDatabase.Engine engine;
  @TempDir java.nio.file.Path data;

  private final MutableClock clock = new MutableClock(T0);
  private TestDatabase db;
  private Database database;
  private Partitions partitions;
  private SampleWriter writer;
  private Rollups rollups;
  private CollectorRuns runs;
  private HistoryService history;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.create(engine);
    database = Database.open(db.config(data, Map.of()));
    DataSource ds = database.dataSource();
    partitions = new Partitions(ds, database.dialect());
    writer = new SampleWriter(ds, partitions);
    rollups = new Rollups(ds, partitions, clock);
    runs = new CollectorRuns(ds);
    history = new HistoryService(ds, database.dialect(), clock, () -> Duration.ofSeconds(10));
    runs.start(T0);
  }

  @AfterEach
  void close() {
    database.close();
    db.close();
  }

  /** Samples every 10 s from {@code from} (inclusive) to {@code to}, CPU = minutes since T0. */
  private void samples(Instant from, Instant to) {
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
      double[] values = new double[MetricColumn.ALL.size()];
      Arrays.fill(values, Double.NaN);
      values[MetricColumn.CPU.ordinal()] = Duration.between(T0, t).toMinutes() % 100;
      values[MetricColumn.MEM_USED.ordinal()] = 1_000_000_000L;
      values[MetricColumn.MEM_TOTAL.ordinal()] = 4_000_000_000L;
      values[MetricColumn.NET_RX.ordinal()] = 1_000;
      values[MetricColumn.TCP_ESTABLISHED.ordinal()] = 5;
      writer.add(new Sample(SERVER, t, values, "10.0,20.0"));
    }
    assertThat(writer.flush()).isTrue();
  }

  private void now(Instant t) throws SQLException {
    clock.advance(Duration.between(clock.instant(), t));
    runs.beat(t);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void anHourOfSamplesReadsBackPointByPointWithoutGaps() throws Exception {
    samples(T0, T0.plus(Duration.ofHours(1)));
    now(T0.plus(Duration.ofHours(1)));

    History h = history.history(SERVER, HistoryService.Period.H1, null, null);

    assertThat(h.source()).isEqualTo("raw");
    assertThat(h.points()).hasSize(360);
    assertThat(h.gaps()).isEmpty();
    History.Point first = h.points().get(0);
    assertThat(first.at()).isEqualTo(T0);
    assertThat(first.average(MetricColumn.MEM_USED) / first.average(MetricColumn.MEM_TOTAL))
        .isEqualTo(0.25);
    assertThat(first.average(MetricColumn.NET_RX)).isEqualTo(1000.0);
    assertThat(first.maximum(MetricColumn.CPU)).isZero();
    assertThat(first.perCpu()).isEqualTo("10.0,20.0");
    assertThat(count("SELECT COUNT(*) FROM metrics_raw")).isEqualTo(360);
  }

  @Test
  void aDayOfSamplesIsCappedAtFifteenHundredPoints() throws Exception {
    samples(T0, T0.plus(Duration.ofHours(24)));
    now(T0.plus(Duration.ofHours(24)));

    History h = history.history(SERVER, HistoryService.Period.H24, null, null);

    assertThat(h.points()).hasSizeLessThanOrEqualTo(1500).hasSizeGreaterThan(1400);
    assertThat(h.stepSeconds()).isEqualTo(58);
    assertThat(h.gaps()).isEmpty();
  }

  @Test
  void aNodeGapAndAPanelGapAreToldApart() throws Exception {
    samples(T0, T0.plus(Duration.ofMinutes(20)));
    // 20-30: the panel runs, the node is silent. 40-50: the panel itself is down.
    samples(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(40)));
    now(T0.plus(Duration.ofMinutes(40)));
    runs.start(T0.plus(Duration.ofMinutes(50)));
    samples(T0.plus(Duration.ofMinutes(50)), T0.plus(Duration.ofMinutes(60)));
    now(T0.plus(Duration.ofMinutes(60)));

    History h = history.history(SERVER, HistoryService.Period.H1, null, null);

    assertThat(h.gaps()).extracting(History.Gap::kind).containsExactly("node", "panel");
    assertThat(h.gaps().get(0).from()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
    assertThat(h.gaps().get(0).to()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(h.gaps().get(1).from()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
    assertThat(h.gaps().get(1).to()).isEqualTo(T0.plus(Duration.ofMinutes(50)));
  }

  @Test
  void rollupsWriteEachBucketOnceEvenWhenCutOffInTheMiddle() throws Exception {
    samples(T0, T0.plus(Duration.ofHours(3)));
    now(T0.plus(Duration.ofHours(3)).plus(Rollups.GRACE));
    AtomicBoolean crash = new AtomicBoolean(true);
    Rollups crashing =
        new Rollups(failingOnSecondWatermark(database.dataSource(), crash), partitions, clock);

    assertThatThrownBy(() -> crashing.rollUpHours(clock.instant()))
        .isInstanceOf(SQLException.class);
    assertThat(count("SELECT COUNT(*) FROM metrics_hourly")).isEqualTo(1);

    rollups.rollUpHours(clock.instant());
    rollups.rollUpHours(clock.instant());

    assertThat(count("SELECT COUNT(*) FROM metrics_hourly")).isEqualTo(3);
    assertThat(count("SELECT SUM(samples) FROM metrics_hourly")).isEqualTo(3 * 360);
    assertThat(count("SELECT MAX(cpu_max) FROM metrics_hourly")).isEqualTo(99);
  }

  @Test
  void daysRollUpFromHoursAndRetentionKeepsOnlyWhatItShould() throws Exception {
    samples(T0, T0.plus(Duration.ofHours(26)));
    now(T0.plus(Duration.ofHours(50)));

    rollups.run();

    assertThat(count("SELECT COUNT(*) FROM metrics_hourly")).isEqualTo(26);
    // Day 20 had samples all day, day 21 for two hours; both days are over.
    assertThat(count("SELECT COUNT(*) FROM metrics_daily")).isEqualTo(2);
    assertThat(count("SELECT MAX(samples) FROM metrics_daily")).isEqualTo(24 * 360);
    // Raw rows older than 24 h are gone: on PostgreSQL by dropping the first day's partition
    // (whole days go, so the second day's rows stay up to 48 h), on H2 row by row.
    assertThat(count("SELECT COUNT(*) FROM metrics_raw WHERE ts < '2026-11-21T00:00:00Z'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM metrics_raw"))
        .isEqualTo(partitions.partitioned() ? 2 * 360 : 0);
    if (partitions.partitioned()) {
      assertThat(partitions.days()).doesNotContain(java.time.LocalDate.parse("2026-11-20"));
    }

    History week = history.history(SERVER, HistoryService.Period.D7, null, null);
    assertThat(week.source()).isEqualTo("hourly");
    assertThat(week.points()).hasSize(26);
    assertThat(week.points().get(0).samples()).isEqualTo(360);

    now(T0.plus(Duration.ofDays(40)));
    rollups.run();
    assertThat(count("SELECT COUNT(*) FROM metrics_hourly")).isZero();
    assertThat(count("SELECT COUNT(*) FROM metrics_daily")).isEqualTo(2);
    History year = history.history(SERVER, HistoryService.Period.D365, null, null);
    assertThat(year.source()).isEqualTo("daily");
    assertThat(year.points()).hasSize(2);
  }

  @Test
  void badRangesAreRefused() {
    assertThatThrownBy(() -> HistoryService.Period.of("2h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.history(SERVER, HistoryService.Period.H1, T0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A data source whose second watermark update fails, as if the panel stopped right there. */
  private static DataSource failingOnSecondWatermark(DataSource real, AtomicBoolean crash) {
    int[] updates = {0};
    return (DataSource)
        Proxy.newProxyInstance(
            MetricsStoreIT.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, real, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection connection = (Connection) result;
              return Proxy.newProxyInstance(
                  MetricsStoreIT.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("prepareStatement")
                        && ((String) a[0]).startsWith("UPDATE metrics_watermarks")
                        && crash.get()
                        && ++updates[0] == 2) {
                      throw new SQLException("the panel stopped here");
                    }
                    return invoke(m, connection, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
