package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.InterfaceKind;
import dev.fleetpanel.node.agent.metrics.InterfacePeak;
import dev.fleetpanel.node.agent.metrics.InterfaceStats;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import dev.fleetpanel.node.agent.metrics.NetDevCounters;
import dev.fleetpanel.node.agent.metrics.NetDevTotals;

/**
 * The network section (seed §2.3): cumulative counters since boot as unsigned integers; {@code
 * *_bytes_per_sec} is the average over the last window and {@code *_peak_per_sec} the highest 1 s
 * rate in it, both null for an interface that has no window yet. {@code total} counts physical
 * interfaces only (see {@code InterfaceClassifier}).
 */
final class NetworkJson {

  private NetworkJson() {}

  static void network(JsonWriting w, String name, MetricsSnapshot.Network network) {
    if (network == null) {
      w.nullValue(name);
      return;
    }
    w.startObject(name);
    w.startArray("interfaces");
    for (InterfaceStats i : network.counters().interfaces()) {
      networkInterface(w, i, network.rates().get(i.name()));
    }
    w.end();
    total(w, network);
    w.end();
  }

  private static void networkInterface(JsonWriting w, InterfaceStats i, InterfacePeak rate) {
    NetDevCounters c = i.counters();
    w.startObject(null);
    w.string("name", i.name());
    w.string("mac", i.facts().address());
    w.number("mtu", i.facts().mtu());
    w.number("speed_mbps", i.facts().speedMbps());
    w.bool("is_up", i.facts().isUp());
    w.bool("is_virtual", i.kind() == InterfaceKind.VIRTUAL);
    w.unsigned("rx_bytes", c.rxBytes());
    w.unsigned("tx_bytes", c.txBytes());
    w.unsigned("rx_packets", c.rxPackets());
    w.unsigned("tx_packets", c.txPackets());
    w.unsigned("rx_errors", c.rxErrors());
    w.unsigned("tx_errors", c.txErrors());
    w.unsigned("rx_drops", c.rxDrops());
    w.unsigned("tx_drops", c.txDrops());
    w.number("rx_bytes_per_sec", rate == null ? null : rate.rxAvgPerSec());
    w.number("tx_bytes_per_sec", rate == null ? null : rate.txAvgPerSec());
    w.number("rx_peak_per_sec", rate == null ? null : rate.rxPeakPerSec());
    w.number("tx_peak_per_sec", rate == null ? null : rate.txPeakPerSec());
    w.end();
  }

  private static void total(JsonWriting w, MetricsSnapshot.Network network) {
    NetDevTotals t = network.counters().total();
    Double rx = null;
    Double tx = null;
    for (InterfaceStats i : network.counters().interfaces()) {
      InterfacePeak rate = network.rates().get(i.name());
      if (i.kind().countsInTotal() && rate != null) {
        rx = (rx == null ? 0 : rx) + rate.rxAvgPerSec();
        tx = (tx == null ? 0 : tx) + rate.txAvgPerSec();
      }
    }
    w.startObject("total");
    w.unsigned("rx_bytes", t.rxBytes());
    w.unsigned("tx_bytes", t.txBytes());
    w.unsigned("rx_packets", t.rxPackets());
    w.unsigned("tx_packets", t.txPackets());
    w.number("rx_bytes_per_sec", rx);
    w.number("tx_bytes_per_sec", tx);
    w.end();
  }
}
