package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads socket counts under a root path: {@code proc/net/tcp} and {@code tcp6}, {@code udp} and
 * {@code udp6}, and conntrack through {@link ConntrackReader}. Files are streamed to EOF (a {@code
 * /proc} file reports size 0). The IPv4 and IPv6 files are added; when only one of the two can be
 * read (IPv6 disabled) the section holds that one. Never throws.
 */
public final class SocketStatsReader {

  private final Path root;

  public SocketStatsReader(Path root) {
    this.root = root;
  }

  public SocketStats read() {
    OptionalLong udp = readUdp();
    return new SocketStats(
        readTcp().orElse(null),
        udp.isPresent() ? udp.getAsLong() : null,
        new ConntrackReader(root).read().orElse(null));
  }

  /** Empty when neither {@code tcp} nor {@code tcp6} can be read. */
  public Optional<TcpStateCounts> readTcp() {
    Optional<TcpStateCounts> v4 = parse("proc/net/tcp", TcpStatesParser::parse);
    Optional<TcpStateCounts> v6 = parse("proc/net/tcp6", TcpStatesParser::parse);
    if (v4.isEmpty()) {
      return v6;
    }
    return Optional.of(v4.get().plus(v6.orElse(TcpStateCounts.EMPTY)));
  }

  /** Empty when neither {@code udp} nor {@code udp6} can be read. */
  public OptionalLong readUdp() {
    Optional<Long> v4 = parse("proc/net/udp", UdpCountParser::count);
    Optional<Long> v6 = parse("proc/net/udp6", UdpCountParser::count);
    if (v4.isEmpty() && v6.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(v4.orElse(0L) + v6.orElse(0L));
  }

  private <T> Optional<T> parse(String relative, StreamParser<T> parser) {
    try (InputStream in = Files.newInputStream(root.resolve(relative))) {
      return Optional.of(parser.parse(in));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @FunctionalInterface
  private interface StreamParser<T> {
    T parse(InputStream in) throws IOException;
  }
}
