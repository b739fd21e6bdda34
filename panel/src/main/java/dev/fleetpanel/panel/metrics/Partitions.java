package dev.fleetpanel.panel.metrics;

import dev.fleetpanel.panel.platform.persistence.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The daily partitions of {@code metrics_raw} on PostgreSQL ({@code metrics_raw_pYYYYMMDD}, one UTC
 * day each): created before a sample needs one, dropped whole by retention. On H2 (dev) there are
 * none and every method does nothing.
 */
public final class Partitions {

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'metrics_raw_p'yyyyMMdd");

  private final DataSource dataSource;
  private final boolean partitioned;
  private final Set<LocalDate> ready = ConcurrentHashMap.newKeySet();

  public Partitions(DataSource dataSource, SqlDialect dialect) {
    this.dataSource = dataSource;
    this.partitioned = dialect == SqlDialect.POSTGRESQL;
  }

  /** Creates the partitions the instants fall in, where missing. */
  public void ensure(Collection<Instant> instants) throws SQLException {
    if (!partitioned) {
      return;
    }
    for (Instant instant : instants) {
      LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
      if (!ready.contains(day)) {
        create(day);
        ready.add(day);
      }
    }
  }

  private void create(LocalDate day) throws SQLException {
    // The name and bounds come from a LocalDate, never from input: safe to put into the DDL.
    String sql =
        "CREATE TABLE IF NOT EXISTS "
            + NAME.format(day)
            + " PARTITION OF metrics_raw FOR VALUES FROM ('"
            + day
            + "T00:00:00Z') TO ('"
            + day.plusDays(1)
            + "T00:00:00Z')";
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The days that have a partition, oldest first. */
  public List<LocalDate> days() throws SQLException {
    List<LocalDate> days = new ArrayList<>();
    if (!partitioned) {
      return days;
    }
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT child.relname FROM pg_inherits"
                    + " JOIN pg_class child ON child.oid = pg_inherits.inhrelid"
                    + " JOIN pg_class parent ON parent.oid = pg_inherits.inhparent"
                    + " WHERE parent.relname = 'metrics_raw' ORDER BY child.relname")) {
      while (rows.next()) {
        days.add(LocalDate.parse(rows.getString(1), NAME));
      }
    }
    return days;
  }

  /** Drops the partition of {@code day} (all its rows at once). */
  public void drop(LocalDate day) throws SQLException {
    ready.remove(day);
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + NAME.format(day));
    }
  }

  public boolean partitioned() {
    return partitioned;
  }
}
