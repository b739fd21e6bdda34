package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.CpuFrequency;
import dev.fleetpanel.node.agent.metrics.CpuUsage;
import dev.fleetpanel.node.agent.metrics.DiskRates;
import dev.fleetpanel.node.agent.metrics.DiskStats;
import dev.fleetpanel.node.agent.metrics.DiskUsage;
import dev.fleetpanel.node.agent.metrics.MemInfo;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import dev.fleetpanel.node.agent.metrics.ProcessInfo;
import dev.fleetpanel.node.agent.metrics.ProcessSummary;
import java.util.List;
import java.util.Map;

/** The cpu, memory, disk and processes sections of the metrics document (seed §2.3). */
final class SectionJson {

  private SectionJson() {}

  static void cpu(JsonWriting w, String name, MetricsSnapshot.Cpu cpu) {
    if (cpu == null) {
      w.nullValue(name);
      return;
    }
    w.startObject(name);
    w.number("cores_physical", cpu.info() == null ? null : cpu.info().physicalCores());
    w.number("cores_logical", cpu.info() == null ? null : cpu.info().logicalCores());
    w.string("model", cpu.info() == null ? null : cpu.info().model().orElse(null));
    CpuUsage usage = cpu.usage();
    w.number("usage_percent", usage == null ? null : usage.totalPercent());
    if (usage == null) {
      w.nullValue("per_cpu_percent");
    } else {
      w.startArray("per_cpu_percent");
      usage.perCorePercent().forEach(p -> w.number(null, p));
      w.end();
    }
    w.number("load_avg_1", cpu.load() == null ? null : cpu.load().one());
    w.number("load_avg_5", cpu.load() == null ? null : cpu.load().five());
    w.number("load_avg_15", cpu.load() == null ? null : cpu.load().fifteen());
    frequency(w, cpu.frequency());
    w.end();
  }

  private static void frequency(JsonWriting w, CpuFrequency f) {
    if (f == null) {
      w.nullValue("frequency");
      return;
    }
    w.startObject("frequency");
    w.number("current", f.currentMhz());
    w.number("min", f.minMhz());
    w.number("max", f.maxMhz());
    w.end();
  }

  static void memory(JsonWriting w, String name, MemInfo memory) {
    if (memory == null) {
      w.nullValue(name);
      return;
    }
    w.startObject(name);
    MemInfo.Ram ram = memory.ram();
    w.startObject("ram");
    w.number("total", ram.total());
    w.number("used", ram.used());
    w.number("free", ram.free());
    w.number("available", ram.available());
    w.number("percent", ram.percent());
    w.number("buffers", ram.buffers());
    w.number("cached", ram.cached());
    w.end();
    if (memory.swap().isEmpty()) {
      w.nullValue("swap");
    } else {
      MemInfo.Swap swap = memory.swap().get();
      w.startObject("swap");
      w.number("total", swap.total());
      w.number("used", swap.used());
      w.number("free", swap.free());
      w.number("percent", swap.percent());
      w.end();
    }
    w.end();
  }

  static void disk(JsonWriting w, String name, MetricsSnapshot.Disk disk) {
    if (disk == null) {
      w.nullValue(name);
      return;
    }
    w.startObject(name);
    w.startArray("partitions");
    for (DiskUsage p : disk.partitions()) {
      w.startObject(null);
      w.string("device", p.device());
      w.string("mountpoint", p.mountPoint());
      w.string("fstype", p.fsType());
      w.number("total", p.total());
      w.number("used", p.used());
      w.number("free", p.free());
      w.number("percent", p.percent());
      w.end();
    }
    w.end();
    w.startObject("io");
    for (Map.Entry<String, DiskStats> e : disk.io().entrySet()) {
      io(w, e.getValue(), disk.rates() == null ? null : disk.rates().devices().get(e.getKey()));
    }
    w.end();
    if (disk.rates() == null) {
      w.nullValue("io_total");
    } else {
      w.startObject("io_total");
      w.number("read_bytes_per_sec", disk.rates().total().readBytesPerSec());
      w.number("write_bytes_per_sec", disk.rates().total().writeBytesPerSec());
      w.end();
    }
    w.end();
  }

  private static void io(JsonWriting w, DiskStats s, DiskRates.Rate rate) {
    w.startObject(s.device());
    w.number("read_bytes", s.readBytes());
    w.number("write_bytes", s.writeBytes());
    w.number("read_count", s.readCount());
    w.number("write_count", s.writeCount());
    w.number("read_time_ms", s.readTimeMs());
    w.number("write_time_ms", s.writeTimeMs());
    w.number("read_bytes_per_sec", rate == null ? null : rate.readBytesPerSec());
    w.number("write_bytes_per_sec", rate == null ? null : rate.writeBytesPerSec());
    w.end();
  }

  static void network(JsonWriting w, String name, MetricsSnapshot.Network network) {
    NetworkJson.network(w, name, network);
  }

  static void processes(JsonWriting w, String name, ProcessSummary processes) {
    if (processes == null) {
      w.nullValue(name);
      return;
    }
    w.startObject(name);
    w.number("total", processes.total());
    w.number("running", processes.running());
    w.number("sleeping", processes.sleeping());
    topList(w, "top_by_cpu", processes.topByCpu());
    topList(w, "top_by_memory", processes.topByMemory());
    w.end();
  }

  private static void topList(JsonWriting w, String name, List<ProcessInfo> list) {
    w.startArray(name);
    for (ProcessInfo p : list) {
      w.startObject(null);
      w.number("pid", p.pid());
      w.string("name", p.name());
      w.string("user", p.user());
      w.number("cpu_percent", p.cpuPercent());
      w.number("memory_percent", p.memoryPercent());
      w.number("rss", p.rssBytes());
      w.string("status", p.status());
      w.end();
    }
    w.end();
  }
}
