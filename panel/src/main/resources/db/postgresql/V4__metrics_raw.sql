-- Raw samples (kept 24 h), one row per server and poll, at the panel's time of collection. Partitioned by
-- UTC day so that retention drops whole partitions instead of deleting millions of rows; the collector
-- creates the partitions ahead of time (MetricsMaintenance).
CREATE TABLE metrics_raw (
    server_id        BIGINT NOT NULL,
    ts               TIMESTAMP WITH TIME ZONE NOT NULL,
    cpu              REAL,
    load1            REAL,
    load5            REAL,
    load15           REAL,
    mem_used         BIGINT,
    mem_total        BIGINT,
    swap_used        BIGINT,
    swap_total       BIGINT,
    disk_used        BIGINT,
    disk_total       BIGINT,
    disk_read        REAL,
    disk_write       REAL,
    net_rx           REAL,
    net_tx           REAL,
    net_rx_peak      REAL,
    net_tx_peak      REAL,
    tcp_established  INTEGER,
    tcp_listen       INTEGER,
    tcp_time_wait    INTEGER,
    tcp_close_wait   INTEGER,
    tcp_syn_sent     INTEGER,
    tcp_syn_recv     INTEGER,
    tcp_fin_wait     INTEGER,
    tcp_other        INTEGER,
    udp              INTEGER,
    conntrack        INTEGER,
    processes        INTEGER,
    per_cpu          VARCHAR(2000)
) PARTITION BY RANGE (ts);
CREATE INDEX metrics_raw_server_ts ON metrics_raw (server_id, ts);
