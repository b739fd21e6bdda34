package dev.fleetpanel.panel.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * When the collector ran ({@code collector_runs}): a row per panel start whose {@code last_beat_at}
 * moves every poll cycle. Between one run's last beat and the next run's start the panel was down.
 */
public final class CollectorRuns {

  private final DataSource dataSource;
  private long runId;

  public CollectorRuns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records the start of this run. */
  public void start(Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO collector_runs (started_at, last_beat_at) VALUES (?, ?)",
                new String[] {"id"})) {
      insert.setObject(1, utc(now));
      insert.setObject(2, utc(now));
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        runId = key.getLong(1);
      }
    }
  }

  /** Moves this run's last beat to {@code now}. */
  public void beat(Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE collector_runs SET last_beat_at = ? WHERE id = ?")) {
      update.setObject(1, utc(now));
      update.setLong(2, runId);
      update.executeUpdate();
    }
  }

  public boolean started() {
    return runId != 0;
  }

  /** The runs overlapping {@code from}-{@code to}, as [start, last beat] pairs. */
  static List<Instant[]> between(DataSource dataSource, Instant from, Instant to)
      throws SQLException {
    List<Instant[]> runs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT started_at, last_beat_at FROM collector_runs"
                    + " WHERE last_beat_at >= ? AND started_at <= ? ORDER BY started_at")) {
      select.setObject(1, utc(from));
      select.setObject(2, utc(to));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          runs.add(
              new Instant[] {
                rows.getObject(1, OffsetDateTime.class).toInstant(),
                rows.getObject(2, OffsetDateTime.class).toInstant()
              });
        }
      }
    }
    return runs;
  }

  /** How much of {@code from}-{@code to} the runs cover. */
  static Duration overlap(List<Instant[]> runs, Instant from, Instant to) {
    Duration covered = Duration.ZERO;
    for (Instant[] run : runs) {
      Instant a = run[0].isAfter(from) ? run[0] : from;
      Instant b = run[1].isBefore(to) ? run[1] : to;
      if (a.isBefore(b)) {
        covered = covered.plus(Duration.between(a, b));
      }
    }
    return covered;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
