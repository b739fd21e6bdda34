package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.ConntrackCounts;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import dev.fleetpanel.node.agent.metrics.SocketStats;
import dev.fleetpanel.node.agent.metrics.SystemInfo;
import dev.fleetpanel.node.agent.metrics.TcpStateCounts;
import dev.fleetpanel.node.agent.metrics.Uptime;

/**
 * The system section (seed §2.3). {@code boot_time} is a UTC ISO-8601 instant (the seed wrote
 * node-local time). {@code architecture} is the agent JVM's {@code os.arch} (e.g. {@code amd64},
 * {@code aarch64}), which matches the host's unless the JVM is emulated. {@code conntrack} is not
 * in the seed's system section: HEAD reports it as {@code antiddos.conntrack_count/max}.
 */
final class SystemJson {

  private SystemJson() {}

  static void system(JsonWriting w, String name, MetricsSnapshot.Host host) {
    if (host == null) {
      w.nullValue(name);
      return;
    }
    SystemInfo info = host.info();
    w.startObject(name);
    w.string("hostname", info.hostname());
    w.string("os", info.os());
    w.string("kernel", info.kernel());
    w.string("architecture", host.architecture());
    w.string("boot_time", info.bootTime().map(Object::toString));
    w.number("uptime_seconds", info.uptime().map(Uptime::wholeSeconds).orElse(null));
    w.string("uptime_human", info.uptime().map(Uptime::human));
    w.string("boot_id", info.bootId());
    SocketStats sockets = host.sockets();
    TcpStateCounts tcp = sockets == null ? null : sockets.tcp();
    connections(w, tcp);
    w.startObject("connections_detailed");
    tcpDetail(w, tcp);
    if (sockets == null || sockets.udpTotal() == null) {
      w.nullValue("udp");
    } else {
      w.startObject("udp");
      w.number("total", sockets.udpTotal());
      w.end();
    }
    w.end();
    conntrack(w, sockets == null ? null : sockets.conntrack());
    w.end();
  }

  private static void connections(JsonWriting w, TcpStateCounts tcp) {
    if (tcp == null) {
      w.nullValue("connections");
      return;
    }
    w.startObject("connections");
    w.number("established", tcp.established());
    w.number("listen", tcp.listen());
    w.number("time_wait", tcp.timeWait());
    w.number("other", tcp.total() - tcp.established() - tcp.listen() - tcp.timeWait());
    w.end();
  }

  private static void tcpDetail(JsonWriting w, TcpStateCounts tcp) {
    if (tcp == null) {
      w.nullValue("tcp");
      return;
    }
    w.startObject("tcp");
    w.number("total", tcp.total());
    w.number("established", tcp.established());
    w.number("listen", tcp.listen());
    w.number("time_wait", tcp.timeWait());
    w.number("close_wait", tcp.closeWait());
    w.number("syn_sent", tcp.synSent());
    w.number("syn_recv", tcp.synRecv());
    w.number("fin_wait", tcp.finWait());
    w.number("other", tcp.other());
    w.end();
  }

  private static void conntrack(JsonWriting w, ConntrackCounts conntrack) {
    if (conntrack == null) {
      w.nullValue("conntrack");
      return;
    }
    w.startObject("conntrack");
    w.number("count", conntrack.count());
    w.number("max", conntrack.max());
    w.end();
  }
}
