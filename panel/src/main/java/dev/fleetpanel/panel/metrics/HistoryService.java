package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.platform.persistence.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads a server's history from the tier that covers the range, with the seed's caps on points per
 * series: 1 h raw (800 points), 24 h raw (1500), 7 d hourly (500), 30 d hourly (500), 365 d daily
 * (500). Points are averages (and maxima) over equal steps, computed in SQL; stretches without data
 * come back as gaps, told apart by whether the panel was running.
 */
public final class HistoryService {

  /** A period of the history API. */
  public enum Period {
    H1("1h", Duration.ofHours(1), Tier.RAW, 800),
    H24("24h", Duration.ofHours(24), Tier.RAW, 1500),
    D7("7d", Duration.ofDays(7), Tier.HOURLY, 500),
    D30("30d", Duration.ofDays(30), Tier.HOURLY, 500),
    D365("365d", Duration.ofDays(365), Tier.DAILY, 500);

    final String wire;
    final Duration span;
    final Tier tier;
    final int cap;

    Period(String wire, Duration span, Tier tier, int cap) {
      this.wire = wire;
      this.span = span;
      this.tier = tier;
      this.cap = cap;
    }

    /**
     * @throws IllegalArgumentException for anything but 1h, 24h, 7d, 30d, 365d
     */
    public static Period of(String wire) {
      for (Period p : values()) {
        if (p.wire.equals(wire)) {
          return p;
        }
      }
      throw new IllegalArgumentException("period must be one of 1h, 24h, 7d, 30d, 365d");
    }

    public String wire() {
      return wire;
    }

    public Duration span() {
      return span;
    }
  }

  enum Tier {
    RAW("raw", "metrics_raw", "ts", null),
    HOURLY("hourly", "metrics_hourly", "bucket", Duration.ofHours(1)),
    DAILY("daily", "metrics_daily", "bucket", Duration.ofDays(1));

    final String wire;
    final String table;
    final String time;
    final Duration resolution;

    Tier(String wire, String table, String time, Duration resolution) {
      this.wire = wire;
      this.table = table;
      this.time = time;
      this.resolution = resolution;
    }
  }

  private final DataSource dataSource;
  private final SqlDialect dialect;
  private final Clock clock;
  private final Supplier<Duration> interval;

  public HistoryService(
      DataSource dataSource, SqlDialect dialect, Clock clock, Supplier<Duration> interval) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * The history of {@code period}, ending now or over {@code from}-{@code to} when given (the tier
   * and cap are the period's).
   *
   * @throws IllegalArgumentException when {@code from} is not before {@code to}
   */
  public History history(long serverId, Period period, Instant from, Instant to)
      throws SQLException {
    return history(serverId, period, from, to, null);
  }

  /**
   * As {@link #history(long, Period, Instant, Instant)}, for a server that exists since {@code
   * existsSince} (null: unknown): the time before it (and before its first sample) is no gap.
   */
  public History history(
      long serverId, Period period, Instant from, Instant to, Instant existsSince)
      throws SQLException {
    Instant end = to != null ? to : clock.instant();
    Instant start = from != null ? from : end.minus(period.span);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("from must be before to");
    }
    long spanSeconds = Duration.between(start, end).toSeconds();
    long step = Math.max(1, (spanSeconds + period.cap - 1) / period.cap);
    if (period.tier.resolution != null) {
      step = Math.max(step, period.tier.resolution.toSeconds());
    }
    List<History.Point> points = points(serverId, period.tier, start, end, step);
    Duration spacing =
        Duration.ofSeconds(
            Math.max(
                step,
                period.tier.resolution != null
                    ? period.tier.resolution.toSeconds()
                    : interval.get().toSeconds()));
    Instant gapsFrom = start;
    if (existsSince != null && existsSince.isAfter(start)) {
      Instant first = points.isEmpty() ? existsSince : points.get(0).at();
      gapsFrom = first.isBefore(existsSince) ? first : existsSince;
      gapsFrom = gapsFrom.isAfter(end) ? end : gapsFrom;
    }
    List<History.Gap> gaps = gaps(points, gapsFrom, end, spacing);
    return new History(period.wire, period.tier.wire, start, end, step, points, gaps);
  }

  private List<History.Point> points(
      long serverId, Tier tier, Instant start, Instant end, long step) throws SQLException {
    String sql = query(tier, step, dialect);
    List<History.Point> points = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, serverId);
      select.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
      select.setObject(3, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          points.add(point(rows, tier));
        }
      }
    }
    return points;
  }

  /**
   * One row per step: the first time in it, the number of samples, and each metric's average (and
   * maximum where {@link MetricColumn#peaked()}), weighted by sample count on the rollup tiers. The
   * step is written into the SQL as a number (it is computed, never input). The step number comes
   * from {@code date_part} on PostgreSQL (a double; {@code EXTRACT} gives a numeric, a quarter
   * slower over a day of rows); H2 gets {@code EXTRACT} in a subquery, as it evaluates a GROUP BY
   * expression over a parameterised range a hundred times more slowly otherwise.
   */
  static String query(Tier tier, long step, SqlDialect dialect) {
    boolean raw = tier == Tier.RAW;
    String metrics =
        MetricColumn.ALL.stream()
            .map(
                c -> {
                  String average =
                      raw
                          ? "AVG(" + c.column() + ")"
                          : "SUM("
                              + c.column()
                              + " * samples) / NULLIF(SUM(CASE WHEN "
                              + c.column()
                              + " IS NULL THEN 0 ELSE samples END), 0)";
                  return c.peaked()
                      ? average + ", MAX(" + (raw ? c.column() : c.maxColumn()) + ")"
                      : average;
                })
            .collect(Collectors.joining(", "));
    String select =
        "SELECT MIN("
            + tier.time
            + "), "
            + (raw ? "COUNT(*)" : "SUM(samples)")
            + ", "
            + metrics
            + (raw ? ", MAX(per_cpu)" : "");
    String where = " WHERE server_id = ? AND " + tier.time + " >= ? AND " + tier.time + " < ?";
    if (dialect == SqlDialect.POSTGRESQL) {
      return select
          + " FROM "
          + tier.table
          + where
          + " GROUP BY FLOOR(date_part('epoch', "
          + tier.time
          + ") / "
          + step
          + ") ORDER BY 1";
    }
    return select
        + " FROM (SELECT *, FLOOR(EXTRACT(EPOCH FROM "
        + tier.time
        + ") / "
        + step
        + ") AS step_no FROM "
        + tier.table
        + where
        + ") steps GROUP BY step_no ORDER BY 1";
  }

  private static History.Point point(ResultSet row, Tier tier) throws SQLException {
    int n = MetricColumn.ALL.size();
    double[] averages = new double[n];
    double[] maxima = new double[n];
    java.util.Arrays.fill(maxima, Double.NaN);
    int index = 3;
    for (MetricColumn column : MetricColumn.ALL) {
      averages[column.ordinal()] = number(row, index++);
      if (column.peaked()) {
        maxima[column.ordinal()] = number(row, index++);
      }
    }
    return new History.Point(
        row.getObject(1, OffsetDateTime.class).toInstant(),
        row.getLong(2),
        averages,
        maxima,
        tier == Tier.RAW ? row.getString(index) : null);
  }

  private static double number(ResultSet row, int index) throws SQLException {
    double value = row.getDouble(index);
    return row.wasNull() ? Double.NaN : value;
  }

  /**
   * Stretches longer than 2.5 spacings without a point (also before the first and after the last),
   * each marked {@code panel} when the collector was not running for most of it, else {@code node}.
   */
  private List<History.Gap> gaps(
      List<History.Point> points, Instant start, Instant end, Duration spacing)
      throws SQLException {
    Duration tolerance = spacing.multipliedBy(5).dividedBy(2);
    List<Instant[]> holes = new ArrayList<>();
    Instant previous = start;
    for (History.Point point : points) {
      Instant t = point.at();
      if (Duration.between(previous, t).compareTo(tolerance) > 0) {
        holes.add(new Instant[] {previous, t});
      }
      previous = t.plus(spacing);
    }
    if (Duration.between(previous, end).compareTo(tolerance) > 0) {
      holes.add(new Instant[] {previous, end});
    }
    if (holes.isEmpty()) {
      return List.of();
    }
    List<Instant[]> runs = CollectorRuns.between(dataSource, start, end);
    List<History.Gap> gaps = new ArrayList<>();
    for (Instant[] hole : holes) {
      Duration length = Duration.between(hole[0], hole[1]);
      Duration covered = CollectorRuns.overlap(runs, hole[0], hole[1]);
      String kind = covered.multipliedBy(2).compareTo(length) >= 0 ? "node" : "panel";
      gaps.add(new History.Gap(hole[0], hole[1], kind));
    }
    return gaps;
  }
}
