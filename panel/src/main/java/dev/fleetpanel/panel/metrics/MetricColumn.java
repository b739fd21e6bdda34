package dev.fleetpanel.panel.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The figures kept for every sample, as columns of {@code metrics_raw} and, each with its {@code
 * _max} twin, of {@code metrics_hourly} and {@code metrics_daily}. The order is the migrations'
 * column order; {@link #json} is the name in the history API (the seed's names where it has one).
 */
public enum MetricColumn {
  CPU(Type.REAL, "cpu_usage", true),
  LOAD1(Type.REAL, "load_avg_1", true),
  LOAD5(Type.REAL, "load_avg_5", false),
  LOAD15(Type.REAL, "load_avg_15", false),
  MEM_USED(Type.BIGINT, "memory_used", true),
  MEM_TOTAL(Type.BIGINT, "memory_total", false),
  SWAP_USED(Type.BIGINT, "swap_used", true),
  SWAP_TOTAL(Type.BIGINT, "swap_total", false),
  DISK_USED(Type.BIGINT, "disk_used", false),
  DISK_TOTAL(Type.BIGINT, "disk_total", false),
  DISK_READ(Type.REAL, "disk_read_bytes_per_sec", true),
  DISK_WRITE(Type.REAL, "disk_write_bytes_per_sec", true),
  NET_RX(Type.REAL, "net_rx_bytes_per_sec", true),
  NET_TX(Type.REAL, "net_tx_bytes_per_sec", true),
  NET_RX_PEAK(Type.REAL, "net_rx_peak_per_sec", true),
  NET_TX_PEAK(Type.REAL, "net_tx_peak_per_sec", true),
  TCP_ESTABLISHED(Type.INTEGER, "tcp_established", true),
  TCP_LISTEN(Type.INTEGER, "tcp_listen", false),
  TCP_TIME_WAIT(Type.INTEGER, "tcp_time_wait", false),
  TCP_CLOSE_WAIT(Type.INTEGER, "tcp_close_wait", false),
  TCP_SYN_SENT(Type.INTEGER, "tcp_syn_sent", false),
  TCP_SYN_RECV(Type.INTEGER, "tcp_syn_recv", false),
  TCP_FIN_WAIT(Type.INTEGER, "tcp_fin_wait", false),
  TCP_OTHER(Type.INTEGER, "tcp_other", false),
  UDP(Type.INTEGER, "udp_sockets", false),
  CONNTRACK(Type.INTEGER, "conntrack_count", true),
  PROCESSES(Type.INTEGER, "process_count", false);

  /** The SQL type of the raw column (averages of integers are stored as REAL). */
  public enum Type {
    REAL,
    BIGINT,
    INTEGER
  }

  public static final List<MetricColumn> ALL = List.of(values());

  private final Type type;
  private final String json;
  private final boolean peaked;

  MetricColumn(Type type, String json, boolean peaked) {
    this.type = type;
    this.json = json;
    this.peaked = peaked;
  }

  /**
   * Whether the history API gives this metric's maximum per point as well ({@code max_} + name):
   * for the figures whose peaks matter (CPU, load, memory, I/O and network rates, connections); the
   * others' maxima stay in the rollup tables. Fewer columns keep a 24-hour answer small.
   */
  public boolean peaked() {
    return peaked;
  }

  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String maxColumn() {
    return column() + "_max";
  }

  public Type type() {
    return type;
  }

  /** The SQL type of the average column of a rollup. */
  public Type averageType() {
    return type == Type.BIGINT ? Type.BIGINT : Type.REAL;
  }

  public String json() {
    return json;
  }
}
