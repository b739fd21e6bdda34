package dev.fleetpanel.node.agent.metrics;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the metrics endpoints serve, as sampled by {@link MetricsCollector}: immutable, so a
 * request reads one consistent sample. A null section is one whose files were all missing or
 * unreadable (or whose reader failed); a null field inside a section is one value that is unknown.
 *
 * @param timestamp when this sample was published, UTC
 * @param cpu the CPU section
 * @param memory RAM and swap
 * @param disk mounted filesystems and I/O
 * @param network interfaces and their rates
 * @param processes counts and top lists (refreshed every slow period)
 * @param system host facts and socket counts (refreshed every slow period)
 */
public record MetricsSnapshot(
    Instant timestamp,
    Cpu cpu,
    MemInfo memory,
    Disk disk,
    Network network,
    ProcessSummary processes,
    Host system) {

  public MetricsSnapshot {
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** A snapshot with every section unknown. */
  public static MetricsSnapshot empty(Instant timestamp) {
    return new MetricsSnapshot(timestamp, null, null, null, null, null, null);
  }

  /**
   * The CPU section; each part is null when its source is unreadable.
   *
   * @param info {@code proc/cpuinfo}
   * @param usage busy percentages over the last 1 s window; null until two samples of {@code
   *     proc/stat} exist
   * @param load {@code proc/loadavg}
   * @param frequency cpu0's clock
   */
  public record Cpu(CpuInfo info, CpuUsage usage, LoadAvg load, CpuFrequency frequency) {}

  /**
   * The disk section.
   *
   * @param partitions real mounted filesystems with their space
   * @param io cumulative counters per whole disk, by device name
   * @param rates throughput over the last 1 s window; null until two samples exist
   */
  public record Disk(List<DiskUsage> partitions, Map<String, DiskStats> io, DiskRates rates) {
    public Disk {
      partitions = List.copyOf(partitions);
      io = Collections.unmodifiableMap(new LinkedHashMap<>(io));
    }
  }

  /**
   * The network section.
   *
   * @param counters cumulative counters and facts of every interface, read in the last 1 s sample
   * @param rates average and 1 s peak per interface over the last completed window (one slow
   *     period); an interface absent here has no rate yet
   */
  public record Network(NetDevSnapshot counters, Map<String, InterfacePeak> rates) {
    public Network {
      Objects.requireNonNull(counters, "counters");
      rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }
  }

  /**
   * The system section.
   *
   * @param info host facts from their files
   * @param architecture the CPU architecture of the agent's JVM ({@code os.arch}), which is the
   *     host's unless the JVM runs under emulation
   * @param sockets TCP, UDP and conntrack counts; null when the reader failed
   */
  public record Host(SystemInfo info, String architecture, SocketStats sockets) {
    public Host {
      Objects.requireNonNull(info, "info");
    }
  }
}
