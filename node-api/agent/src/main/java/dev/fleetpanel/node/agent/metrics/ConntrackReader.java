package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code proc/sys/net/netfilter/nf_conntrack_count} and {@code nf_conntrack_max} under a root
 * path. Both files exist only while the nf_conntrack module is loaded.
 */
public final class ConntrackReader {

  private final Path dir;

  public ConntrackReader(Path root) {
    this.dir = root.resolve("proc/sys/net/netfilter");
  }

  /** Empty when either file is missing, unreadable or not a non-negative integer. Never throws. */
  public Optional<ConntrackCounts> read() {
    OptionalLong count = readLong(dir.resolve("nf_conntrack_count"));
    OptionalLong max = readLong(dir.resolve("nf_conntrack_max"));
    if (count.isEmpty() || max.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConntrackCounts(count.getAsLong(), max.getAsLong()));
  }

  private static OptionalLong readLong(Path path) {
    try {
      Optional<String> text = ProcFiles.text(path);
      long value = text.isEmpty() ? -1 : Long.parseLong(text.get());
      return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
