package bench.fleet;

import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * The disk section: filesystems with their usage, and per device I/O counters since boot that grow
 * at the reported rates (operations of 64 KiB, 0.5 ms each).
 */
final class DiskJson {

  private static final long BYTES_PER_OPERATION = 64 * 1024;

  private DiskJson() {}

  static void write(JsonGenerator g, NodeModel node) {
    List<HostProfile.Disk> disks = node.profile().disks();
    g.writeStartObject("disk");
    g.writeStartArray("partitions");
    for (HostProfile.Disk d : disks) {
      long used = (long) (d.total() * d.usedShare());
      g.writeStartObject();
      g.write("device", d.device());
      g.write("mountpoint", d.mountpoint());
      g.write("fstype", "ext4");
      g.write("total", d.total());
      g.write("used", used);
      g.write("free", d.total() - used);
      g.write("percent", MetricsDocument.round(100.0 * used / d.total(), 1));
      g.writeEnd();
    }
    g.writeEnd();
    double readRate = 0;
    double writeRate = 0;
    g.writeStartObject("io");
    for (int i = 0; i < disks.size(); i++) {
      Flow read = node.reads(i);
      Flow write = node.writes(i);
      g.writeStartObject(disks.get(i).ioName());
      g.write("read_bytes", read.total());
      g.write("write_bytes", write.total());
      g.write("read_count", read.total() / BYTES_PER_OPERATION);
      g.write("write_count", write.total() / BYTES_PER_OPERATION);
      g.write("read_time_ms", read.total() / BYTES_PER_OPERATION / 2);
      g.write("write_time_ms", write.total() / BYTES_PER_OPERATION / 2);
      g.write("read_bytes_per_sec", MetricsDocument.round(read.perSecond(), 1));
      g.write("write_bytes_per_sec", MetricsDocument.round(write.perSecond(), 1));
      g.writeEnd();
      readRate += read.perSecond();
      writeRate += write.perSecond();
    }
    g.writeEnd();
    g.writeStartObject("io_total");
    g.write("read_bytes_per_sec", MetricsDocument.round(readRate, 1));
    g.write("write_bytes_per_sec", MetricsDocument.round(writeRate, 1));
    g.writeEnd();
    g.writeEnd();
  }
}
