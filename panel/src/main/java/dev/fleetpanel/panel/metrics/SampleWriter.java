package dev.fleetpanel.panel.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes samples to {@code metrics_raw} in JDBC batches, off the poller's path: {@link #add} only
 * queues. While the database is away the samples wait in memory (up to {@link #MAX_QUEUED}, the
 * oldest dropped beyond that) and are written when it is back, so a database outage loses nothing
 * short of that; it is logged once when it starts and once when it ends, not per sample.
 */
public final class SampleWriter {

  private static final Logger LOG = Logger.getLogger(SampleWriter.class.getName());

  /** About 15 minutes of 1,000 servers at a 10 s interval. */
  static final int MAX_QUEUED = 100_000;

  static final int BATCH = 1_000;

  private static final String INSERT =
      "INSERT INTO metrics_raw (server_id, ts, "
          + MetricColumn.ALL.stream().map(MetricColumn::column).collect(Collectors.joining(", "))
          + ", per_cpu) VALUES (?, ?, "
          + MetricColumn.ALL.stream().map(c -> "?").collect(Collectors.joining(", "))
          + ", ?)";

  private final DataSource dataSource;
  private final Partitions partitions;
  private final ConcurrentLinkedDeque<Sample> queue = new ConcurrentLinkedDeque<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean failing;

  public SampleWriter(DataSource dataSource, Partitions partitions) {
    this.dataSource = dataSource;
    this.partitions = partitions;
  }

  public void add(Sample sample) {
    queue.addLast(sample);
    if (queued.incrementAndGet() > MAX_QUEUED) {
      if (queue.pollFirst() != null) {
        queued.decrementAndGet();
        dropped.incrementAndGet();
      }
    }
  }

  /**
   * Writes everything queued, batch by batch; on a database error the unwritten samples go back to
   * the front of the queue for the next flush.
   *
   * @return whether the queue was emptied
   */
  public synchronized boolean flush() {
    while (true) {
      List<Sample> batch = new ArrayList<>(BATCH);
      for (Sample s; batch.size() < BATCH && (s = queue.pollFirst()) != null; ) {
        queued.decrementAndGet();
        batch.add(s);
      }
      if (batch.isEmpty()) {
        recovered();
        return true;
      }
      try {
        write(batch);
        written.addAndGet(batch.size());
      } catch (SQLException | RuntimeException e) {
        for (int i = batch.size() - 1; i >= 0; i--) {
          queue.addFirst(batch.get(i));
          queued.incrementAndGet();
        }
        if (!failing) {
          failing = true;
          LOG.log(
              Level.WARNING,
              "Samples cannot be written ("
                  + e.getMessage()
                  + "); they wait in memory and are written when the database is back.");
        }
        return false;
      }
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("Samples are written again; the ones kept in memory are stored.");
    }
  }

  private void write(List<Sample> batch) throws SQLException {
    partitions.ensure(batch.stream().map(Sample::at).distinct().toList());
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      c.setAutoCommit(false);
      for (Sample sample : batch) {
        bind(insert, sample);
        insert.addBatch();
      }
      insert.executeBatch();
      c.commit();
    }
  }

  private static void bind(PreparedStatement insert, Sample sample) throws SQLException {
    insert.setLong(1, sample.serverId());
    insert.setObject(2, utc(sample.at()));
    int index = 3;
    for (MetricColumn column : MetricColumn.ALL) {
      double value = sample.value(column);
      switch (column.type()) {
        case REAL -> {
          if (Double.isNaN(value)) {
            insert.setNull(index, Types.REAL);
          } else {
            insert.setFloat(index, (float) value);
          }
        }
        case BIGINT -> {
          if (Double.isNaN(value)) {
            insert.setNull(index, Types.BIGINT);
          } else {
            insert.setLong(index, Math.round(value));
          }
        }
        case INTEGER -> {
          if (Double.isNaN(value)) {
            insert.setNull(index, Types.INTEGER);
          } else {
            insert.setInt(index, (int) Math.min(Integer.MAX_VALUE, Math.round(value)));
          }
        }
      }
      index++;
    }
    insert.setString(index, sample.perCpu());
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public int queued() {
    return queued.get();
  }

  public long written() {
    return written.get();
  }

  public long dropped() {
    return dropped.get();
  }
}
