package bench.fleet;

import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * The network section: per interface counters since boot growing at the reported rates (packets of
 * 800 bytes on average), and a total over physical interfaces only, as the agent counts it.
 */
final class NetworkJson {

  private static final long BYTES_PER_PACKET = 800;

  private NetworkJson() {}

  static void write(JsonGenerator g, NodeModel node) {
    List<HostProfile.Nic> nics = node.profile().nics();
    long rxBytes = 0;
    long txBytes = 0;
    double rxRate = 0;
    double txRate = 0;
    g.writeStartObject("network");
    g.writeStartArray("interfaces");
    for (int i = 0; i < nics.size(); i++) {
      HostProfile.Nic nic = nics.get(i);
      Flow rx = node.received(i);
      Flow tx = node.sent(i);
      nic(g, nic, rx, tx);
      if (!nic.virtual()) {
        rxBytes += rx.total();
        txBytes += tx.total();
        rxRate += rx.perSecond();
        txRate += tx.perSecond();
      }
    }
    g.writeEnd();
    g.writeStartObject("total");
    g.write("rx_bytes", rxBytes);
    g.write("tx_bytes", txBytes);
    g.write("rx_packets", rxBytes / BYTES_PER_PACKET);
    g.write("tx_packets", txBytes / BYTES_PER_PACKET);
    g.write("rx_bytes_per_sec", MetricsDocument.round(rxRate, 1));
    g.write("tx_bytes_per_sec", MetricsDocument.round(txRate, 1));
    g.writeEnd();
    g.writeEnd();
  }

  private static void nic(JsonGenerator g, HostProfile.Nic nic, Flow rx, Flow tx) {
    g.writeStartObject();
    g.write("name", nic.name());
    g.write("mac", nic.mac());
    g.write("mtu", nic.mtu());
    if (nic.speedMbps() == null) {
      g.writeNull("speed_mbps");
    } else {
      g.write("speed_mbps", nic.speedMbps());
    }
    g.write("is_up", true);
    g.write("is_virtual", nic.virtual());
    g.write("rx_bytes", rx.total());
    g.write("tx_bytes", tx.total());
    g.write("rx_packets", rx.total() / BYTES_PER_PACKET);
    g.write("tx_packets", tx.total() / BYTES_PER_PACKET);
    // Errors and drops are rare and, like every counter, never go down between reboots.
    g.write("rx_errors", rx.total() / 1_000_000_000);
    g.write("tx_errors", 0);
    g.write("rx_drops", rx.total() / 100_000_000);
    g.write("tx_drops", tx.total() / 1_000_000_000);
    g.write("rx_bytes_per_sec", MetricsDocument.round(rx.perSecond(), 1));
    g.write("tx_bytes_per_sec", MetricsDocument.round(tx.perSecond(), 1));
    g.write("rx_peak_per_sec", MetricsDocument.round(rx.peakPerSecond(), 1));
    g.write("tx_peak_per_sec", MetricsDocument.round(tx.peakPerSecond(), 1));
    g.writeEnd();
  }
}
