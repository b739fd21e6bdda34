package dev.fleetpanel.panel.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The figures kept for every sample, as columns of {@code metrics_raw} and, each with its {@code
 * _max} twin, of {@code metrics_hourly} and {@code metrics_daily}. The order is the migrations'
 * column order; {@link #json} is the name in the history API (the seed's names where it has one).
 */
public enum MetricColumn {
  CPU(Type.REAL, "cpu_usage"),
  LOAD1(Type.REAL, "load_avg_1"),
  LOAD5(Type.REAL, "load_avg_5"),
  LOAD15(Type.REAL, "load_avg_15"),
  MEM_USED(Type.BIGINT, "memory_used"),
  MEM_TOTAL(Type.BIGINT, "memory_total"),
  SWAP_USED(Type.BIGINT, "swap_used"),
  SWAP_TOTAL(Type.BIGINT, "swap_total"),
  DISK_USED(Type.BIGINT, "disk_used"),
  DISK_TOTAL(Type.BIGINT, "disk_total"),
  DISK_READ(Type.REAL, "disk_read_bytes_per_sec"),
  DISK_WRITE(Type.REAL, "disk_write_bytes_per_sec"),
  NET_RX(Type.REAL, "net_rx_bytes_per_sec"),
  NET_TX(Type.REAL, "net_tx_bytes_per_sec"),
  NET_RX_PEAK(Type.REAL, "net_rx_peak_per_sec"),
  NET_TX_PEAK(Type.REAL, "net_tx_peak_per_sec"),
  TCP_ESTABLISHED(Type.INTEGER, "tcp_established"),
  TCP_LISTEN(Type.INTEGER, "tcp_listen"),
  TCP_TIME_WAIT(Type.INTEGER, "tcp_time_wait"),
  TCP_CLOSE_WAIT(Type.INTEGER, "tcp_close_wait"),
  TCP_SYN_SENT(Type.INTEGER, "tcp_syn_sent"),
  TCP_SYN_RECV(Type.INTEGER, "tcp_syn_recv"),
  TCP_FIN_WAIT(Type.INTEGER, "tcp_fin_wait"),
  TCP_OTHER(Type.INTEGER, "tcp_other"),
  UDP(Type.INTEGER, "udp_sockets"),
  CONNTRACK(Type.INTEGER, "conntrack_count"),
  PROCESSES(Type.INTEGER, "process_count");

  /** The SQL type of the raw column (averages of integers are stored as REAL). */
  public enum Type {
    REAL,
    BIGINT,
    INTEGER
  }

  public static final List<MetricColumn> ALL = List.of(values());

  private final Type type;
  private final String json;

  MetricColumn(Type type, String json) {
    this.type = type;
    this.json = json;
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
