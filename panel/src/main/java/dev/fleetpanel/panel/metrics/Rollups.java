package dev.fleetpanel.panel.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The rollup and retention jobs. Raw samples become hourly rows (average and maximum of each
 * metric) once the hour is over plus {@link #GRACE}; hourly rows become daily rows (averages
 * weighted by sample count, maximum of maxima) once the day is. Each bucket is written in the same
 * transaction that moves its watermark, so a restart in the middle neither loses nor doubles a
 * bucket, and a bucket is never rolled up twice. Retention: raw 24 h (whole daily partitions on
 * PostgreSQL, so up to 48 h on disk), hourly 30 days, daily 365 days; nothing is deleted before the
 * next tier has rolled it up.
 */
public final class Rollups {

  static final Duration GRACE = Duration.ofMinutes(2);
  static final Duration RAW_KEPT = Duration.ofHours(24);
  static final Duration HOURLY_KEPT = Duration.ofDays(30);
  static final Duration DAILY_KEPT = Duration.ofDays(365);

  /** Buckets rolled up per run at most, so that a long catch-up does not hold one transaction. */
  static final int MAX_BUCKETS_PER_RUN = 96;

  private static final String HOURLY = "hourly";
  private static final String DAILY = "daily";

  private final DataSource dataSource;
  private final Partitions partitions;
  private final Clock clock;

  public Rollups(DataSource dataSource, Partitions partitions, Clock clock) {
    this.dataSource = dataSource;
    this.partitions = partitions;
    this.clock = clock;
  }

  /** One maintenance pass: partitions ahead, rollups, retention. */
  public void run() throws SQLException {
    Instant now = clock.instant();
    partitions.ensure(java.util.List.of(now, now.plus(Duration.ofDays(1))));
    rollUpHours(now);
    rollUpDays(now);
    retain(now);
  }

  /** Rolls up every complete hour after the watermark (at most {@link #MAX_BUCKETS_PER_RUN}). */
  void rollUpHours(Instant now) throws SQLException {
    Instant until = now.minus(GRACE).truncatedTo(ChronoUnit.HOURS);
    Instant next = watermark(HOURLY, () -> oldest("SELECT MIN(ts) FROM metrics_raw", until));
    for (int i = 0; i < MAX_BUCKETS_PER_RUN && next.isBefore(until); i++) {
      Instant end = next.plus(Duration.ofHours(1));
      bucket(HOURLY, hourlySql(), next, end);
      next = end;
    }
  }

  /** Rolls up every complete day whose hours are all rolled up. */
  void rollUpDays(Instant now) throws SQLException {
    Instant hoursDone = watermark(HOURLY, () -> now.truncatedTo(ChronoUnit.HOURS));
    Instant until = hoursDone.truncatedTo(ChronoUnit.DAYS);
    Instant next =
        watermark(DAILY, () -> oldest("SELECT MIN(bucket) FROM metrics_hourly", until))
            .truncatedTo(ChronoUnit.DAYS);
    for (int i = 0; i < MAX_BUCKETS_PER_RUN && next.isBefore(until); i++) {
      Instant end = next.plus(Duration.ofDays(1));
      bucket(DAILY, dailySql(), next, end);
      next = end;
    }
  }

  void retain(Instant now) throws SQLException {
    Instant hoursDone = watermark(HOURLY, () -> Instant.EPOCH);
    Instant daysDone = watermark(DAILY, () -> Instant.EPOCH);
    Instant rawLimit = min(now.minus(RAW_KEPT), hoursDone);
    if (partitions.partitioned()) {
      for (LocalDate day : partitions.days()) {
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!dayEnd.isAfter(rawLimit)) {
          partitions.drop(day);
        }
      }
    } else {
      delete("DELETE FROM metrics_raw WHERE ts < ?", rawLimit);
    }
    delete("DELETE FROM metrics_hourly WHERE bucket < ?", min(now.minus(HOURLY_KEPT), daysDone));
    delete("DELETE FROM metrics_daily WHERE bucket < ?", now.minus(DAILY_KEPT));
  }

  private void bucket(String name, String sql, Instant start, Instant end) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(sql);
          PreparedStatement mark =
              c.prepareStatement("UPDATE metrics_watermarks SET done_until = ? WHERE name = ?")) {
        insert.setObject(1, utc(start));
        insert.setObject(2, utc(start));
        insert.setObject(3, utc(end));
        insert.executeUpdate();
        mark.setObject(1, utc(end));
        mark.setString(2, name);
        mark.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The watermark, created from {@code initial} when there is none yet. */
  private Instant watermark(String name, SqlSupplier initial) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT done_until FROM metrics_watermarks WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          return row.getObject(1, OffsetDateTime.class).toInstant();
        }
      }
      Instant start = initial.get();
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO metrics_watermarks (name, done_until) VALUES (?, ?)"
                  + " ON CONFLICT DO NOTHING")) {
        insert.setString(1, name);
        insert.setObject(2, utc(start));
        insert.executeUpdate();
      }
      return start;
    }
  }

  /** The start of the oldest bucket in a table, or {@code otherwise} when it is empty. */
  private Instant oldest(String sql, Instant otherwise) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      OffsetDateTime oldest = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
      return oldest == null ? otherwise : oldest.toInstant().truncatedTo(ChronoUnit.HOURS);
    }
  }

  private void delete(String sql, Instant before) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement(sql)) {
      delete.setObject(1, utc(before));
      delete.executeUpdate();
    }
  }

  /** Hourly rows from raw samples: parameters bucket start, range start, range end. */
  static String hourlySql() {
    String columns = rollupColumns();
    String aggregates =
        MetricColumn.ALL.stream()
            .map(c -> average("AVG(" + c.column() + ")", c) + ", MAX(" + c.column() + ")")
            .collect(Collectors.joining(", "));
    return "INSERT INTO metrics_hourly (server_id, bucket, samples, "
        + columns
        + ") SELECT server_id, ?, COUNT(*), "
        + aggregates
        + " FROM metrics_raw WHERE ts >= ? AND ts < ? GROUP BY server_id ON CONFLICT DO NOTHING";
  }

  /** Daily rows from hourly rows, averages weighted by each hour's sample count. */
  static String dailySql() {
    String columns = rollupColumns();
    String aggregates =
        MetricColumn.ALL.stream()
            .map(
                c ->
                    average(
                            "SUM("
                                + c.column()
                                + " * samples) / NULLIF(SUM(CASE WHEN "
                                + c.column()
                                + " IS NULL THEN 0 ELSE samples END), 0)",
                            c)
                        + ", MAX("
                        + c.maxColumn()
                        + ")")
            .collect(Collectors.joining(", "));
    return "INSERT INTO metrics_daily (server_id, bucket, samples, "
        + columns
        + ") SELECT server_id, ?, SUM(samples), "
        + aggregates
        + " FROM metrics_hourly WHERE bucket >= ? AND bucket < ? GROUP BY server_id"
        + " ON CONFLICT DO NOTHING";
  }

  /** Every metric's average and maximum column of a rollup table, in the migration's order. */
  private static String rollupColumns() {
    return MetricColumn.ALL.stream()
        .map(c -> c.column() + ", " + c.maxColumn())
        .collect(Collectors.joining(", "));
  }

  private static String average(String expression, MetricColumn column) {
    return column.averageType() == MetricColumn.Type.BIGINT
        ? "CAST(ROUND(" + expression + ") AS BIGINT)"
        : "CAST(" + expression + " AS REAL)";
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @FunctionalInterface
  private interface SqlSupplier {
    Instant get() throws SQLException;
  }
}
