package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.CpuUsage;
import dev.fleetpanel.node.agent.metrics.DiskStats;
import dev.fleetpanel.node.agent.metrics.DiskUsage;
import dev.fleetpanel.node.agent.metrics.InterfaceStats;
import dev.fleetpanel.node.agent.metrics.MemInfo;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import dev.fleetpanel.node.agent.metrics.NetDevCounters;
import dev.fleetpanel.node.agent.metrics.SocketStats;
import dev.fleetpanel.node.agent.metrics.TcpStateCounts;
import dev.fleetpanel.node.prometheus.PromFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a {@link MetricsSnapshot} in the Prometheus text exposition format (version
 * 0.0.4), named in node_exporter's style with the prefix {@code fleetpanel_node_}. Counters are the
 * kernel's cumulative values (use {@code rate()}); sizes are bytes, times seconds. The full list is
 * in {@code node-api/agent/METRICS.md}. A section that is unknown leaves its metrics out.
 */
public final class PrometheusText {

  /** The Content-Type of this format. */
  public static final String CONTENT_TYPE = PromFamily.CONTENT_TYPE;

  private static final String P = "fleetpanel_node_";
  private static final String GAUGE = PromFamily.GAUGE;
  private static final String COUNTER = PromFamily.COUNTER;

  private final String agentVersion;

  public PrometheusText(String agentVersion) {
    this.agentVersion = agentVersion;
  }

  public String write(MetricsSnapshot s) {
    List<PromFamily> families = new ArrayList<>();
    families.add(
        family("agent_info", GAUGE, "Agent version; always 1.").add(1, "version", agentVersion));
    families.add(
        family("sample_timestamp_seconds", GAUGE, "When the sample was taken, Unix seconds.")
            .add(s.timestamp().toEpochMilli() / 1000.0));
    cpu(families, s.cpu());
    memory(families, s.memory());
    disk(families, s.disk());
    network(families, s.network());
    system(families, s.system());
    processes(families, s);
    StringBuilder out = new StringBuilder();
    families.forEach(f -> f.writeTo(out));
    return out.toString();
  }

  private static PromFamily family(String name, String type, String help) {
    return new PromFamily(P + name, type, help);
  }

  private static void cpu(List<PromFamily> out, MetricsSnapshot.Cpu cpu) {
    if (cpu == null) {
      return;
    }
    PromFamily total =
        family("cpu_usage_percent", GAUGE, "Busy share of all CPUs over 1 s, 0..100.");
    PromFamily cores = family("cpu_core_usage_percent", GAUGE, "Busy share of one CPU over 1 s.");
    CpuUsage usage = cpu.usage();
    if (usage != null) {
      total.add(usage.totalPercent());
      usage.cores().forEach(c -> cores.add(c.percent(), "cpu", Integer.toString(c.cpu())));
    }
    PromFamily logical = family("cpu_logical_cores", GAUGE, "Logical CPUs in /proc/cpuinfo.");
    PromFamily physical = family("cpu_physical_cores", GAUGE, "Physical cores in /proc/cpuinfo.");
    if (cpu.info() != null) {
      logical.add(cpu.info().logicalCores());
      physical.add(cpu.info().physicalCores());
    }
    PromFamily freq = family("cpu_frequency_hertz", GAUGE, "Current clock of cpu0 in hertz.");
    if (cpu.frequency() != null) {
      freq.add(cpu.frequency().currentMhz() * 1e6);
    }
    PromFamily load1 = family("load1", GAUGE, "1-minute load average.");
    PromFamily load5 = family("load5", GAUGE, "5-minute load average.");
    PromFamily load15 = family("load15", GAUGE, "15-minute load average.");
    if (cpu.load() != null) {
      load1.add(cpu.load().one());
      load5.add(cpu.load().five());
      load15.add(cpu.load().fifteen());
    }
    out.addAll(List.of(total, cores, logical, physical, freq, load1, load5, load15));
  }

  private static void memory(List<PromFamily> out, MemInfo memory) {
    if (memory == null) {
      return;
    }
    MemInfo.Ram ram = memory.ram();
    out.add(family("memory_total_bytes", GAUGE, "MemTotal.").add(ram.total()));
    out.add(family("memory_used_bytes", GAUGE, "MemTotal - MemAvailable.").add(ram.used()));
    out.add(family("memory_free_bytes", GAUGE, "MemFree.").add(ram.free()));
    out.add(family("memory_available_bytes", GAUGE, "MemAvailable.").add(ram.available()));
    out.add(family("memory_buffers_bytes", GAUGE, "Buffers.").add(ram.buffers()));
    out.add(family("memory_cached_bytes", GAUGE, "Cached + SReclaimable.").add(ram.cached()));
    memory
        .swap()
        .ifPresent(
            swap -> {
              out.add(family("memory_swap_total_bytes", GAUGE, "SwapTotal.").add(swap.total()));
              out.add(family("memory_swap_free_bytes", GAUGE, "SwapFree.").add(swap.free()));
              out.add(
                  family("memory_swap_used_bytes", GAUGE, "SwapTotal - SwapFree.")
                      .add(swap.used()));
            });
  }

  private static void disk(List<PromFamily> out, MetricsSnapshot.Disk disk) {
    if (disk == null) {
      return;
    }
    PromFamily size = family("filesystem_size_bytes", GAUGE, "Filesystem size.");
    PromFamily used = family("filesystem_used_bytes", GAUGE, "Filesystem bytes in use (df).");
    PromFamily avail =
        family("filesystem_avail_bytes", GAUGE, "Filesystem bytes free to unprivileged users.");
    for (DiskUsage p : disk.partitions()) {
      String[] labels = {"device", p.device(), "mountpoint", p.mountPoint(), "fstype", p.fsType()};
      size.add(p.total(), labels);
      used.add(p.used(), labels);
      avail.add(p.free(), labels);
    }
    PromFamily read = family("disk_read_bytes_total", COUNTER, "Bytes read since boot.");
    PromFamily written = family("disk_written_bytes_total", COUNTER, "Bytes written since boot.");
    PromFamily reads = family("disk_reads_completed_total", COUNTER, "Reads completed.");
    PromFamily writes = family("disk_writes_completed_total", COUNTER, "Writes completed.");
    PromFamily readTime = family("disk_read_time_seconds_total", COUNTER, "Time spent reading.");
    PromFamily writeTime = family("disk_write_time_seconds_total", COUNTER, "Time spent writing.");
    for (DiskStats d : disk.io().values()) {
      read.addUnsigned(d.readBytes(), "device", d.device());
      written.addUnsigned(d.writeBytes(), "device", d.device());
      reads.addUnsigned(d.readCount(), "device", d.device());
      writes.addUnsigned(d.writeCount(), "device", d.device());
      readTime.add(d.readTimeMs() / 1000.0, "device", d.device());
      writeTime.add(d.writeTimeMs() / 1000.0, "device", d.device());
    }
    out.addAll(List.of(size, used, avail, read, written, reads, writes, readTime, writeTime));
  }

  private static void network(List<PromFamily> out, MetricsSnapshot.Network network) {
    if (network == null) {
      return;
    }
    PromFamily rxBytes = family("network_receive_bytes_total", COUNTER, "Bytes received.");
    PromFamily txBytes = family("network_transmit_bytes_total", COUNTER, "Bytes sent.");
    PromFamily rxPackets = family("network_receive_packets_total", COUNTER, "Packets received.");
    PromFamily txPackets = family("network_transmit_packets_total", COUNTER, "Packets sent.");
    PromFamily rxErrs = family("network_receive_errs_total", COUNTER, "Receive errors.");
    PromFamily txErrs = family("network_transmit_errs_total", COUNTER, "Transmit errors.");
    PromFamily rxDrop = family("network_receive_drop_total", COUNTER, "Received packets dropped.");
    PromFamily txDrop = family("network_transmit_drop_total", COUNTER, "Sent packets dropped.");
    PromFamily up = family("network_up", GAUGE, "1 when the interface is up.");
    PromFamily physical =
        family("network_physical", GAUGE, "1 when the interface counts in the physical total.");
    for (InterfaceStats i : network.counters().interfaces()) {
      NetDevCounters c = i.counters();
      String[] device = {"device", i.name()};
      rxBytes.addUnsigned(c.rxBytes(), device);
      txBytes.addUnsigned(c.txBytes(), device);
      rxPackets.addUnsigned(c.rxPackets(), device);
      txPackets.addUnsigned(c.txPackets(), device);
      rxErrs.addUnsigned(c.rxErrors(), device);
      txErrs.addUnsigned(c.txErrors(), device);
      rxDrop.addUnsigned(c.rxDrops(), device);
      txDrop.addUnsigned(c.txDrops(), device);
      up.add(i.facts().isUp() ? 1 : 0, device);
      physical.add(i.kind().countsInTotal() ? 1 : 0, device);
    }
    out.addAll(
        List.of(
            rxBytes, txBytes, rxPackets, txPackets, rxErrs, txErrs, rxDrop, txDrop, up, physical));
  }

  private static void system(List<PromFamily> out, MetricsSnapshot.Host host) {
    if (host == null) {
      return;
    }
    host.info()
        .bootTime()
        .ifPresent(
            t ->
                out.add(
                    family("boot_time_seconds", GAUGE, "Boot time, Unix seconds.")
                        .add(t.getEpochSecond())));
    host.info()
        .uptime()
        .ifPresent(
            u -> out.add(family("uptime_seconds", GAUGE, "Seconds since boot.").add(u.seconds())));
    SocketStats sockets = host.sockets();
    if (sockets == null) {
      return;
    }
    TcpStateCounts tcp = sockets.tcp();
    if (tcp != null) {
      PromFamily states = family("tcp_connections", GAUGE, "TCP sockets by state (IPv4 + IPv6).");
      states.add(tcp.established(), "state", "established");
      states.add(tcp.listen(), "state", "listen");
      states.add(tcp.timeWait(), "state", "time_wait");
      states.add(tcp.closeWait(), "state", "close_wait");
      states.add(tcp.synSent(), "state", "syn_sent");
      states.add(tcp.synRecv(), "state", "syn_recv");
      states.add(tcp.finWait(), "state", "fin_wait");
      states.add(tcp.other(), "state", "other");
      out.add(states);
    }
    if (sockets.udpTotal() != null) {
      out.add(family("udp_sockets", GAUGE, "UDP sockets (IPv4 + IPv6).").add(sockets.udpTotal()));
    }
    if (sockets.conntrack() != null) {
      out.add(
          family("nf_conntrack_entries", GAUGE, "Connection-tracking entries in use.")
              .add(sockets.conntrack().count()));
      out.add(
          family("nf_conntrack_entries_limit", GAUGE, "Size of the connection-tracking table.")
              .add(sockets.conntrack().max()));
    }
  }

  private static void processes(List<PromFamily> out, MetricsSnapshot s) {
    if (s.processes() == null) {
      return;
    }
    out.add(
        family("processes", GAUGE, "Processes, kernel threads included.")
            .add(s.processes().total()));
    out.add(
        family("processes_state", GAUGE, "Processes by state.")
            .add(s.processes().running(), "state", "running")
            .add(s.processes().sleeping(), "state", "sleeping"));
  }
}
