package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the sockets in {@code /proc/net/udp} or {@code udp6}: the lines that have the socket-line
 * shape of {@link TcpStatesParser} (the two files share the layout), so the header, garbage and a
 * truncated last line are not counted. A snapshot, not a cumulative counter.
 */
public final class UdpCountParser {

  private UdpCountParser() {}

  public static long count(byte[] data) {
    return TcpStatesParser.parse(data).total();
  }

  /** Reads the stream to EOF; does not close it. */
  public static long count(InputStream in) throws IOException {
    return TcpStatesParser.parse(in).total();
  }
}
