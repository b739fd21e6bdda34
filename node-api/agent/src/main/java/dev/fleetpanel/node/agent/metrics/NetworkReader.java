package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the network section from a root path ({@code FLEETPANEL_NODE_ROOT}, "/" on a host, the
 * host's mount point in a container): {@code proc/net/dev} for the counters and {@code
 * sys/class/net/<name>} for each interface's facts and kind. An interface without a sysfs entry is
 * classified with {@link InterfaceFacts#UNKNOWN}, which makes it virtual (bond names excepted).
 */
public final class NetworkReader {

  private final Path root;
  private final InterfaceFactsReader factsReader;

  public NetworkReader(Path root) {
    this.root = root;
    this.factsReader = new InterfaceFactsReader(root);
  }

  /**
   * The snapshot; empty when {@code proc/net/dev} is missing, unreadable or holds no interface
   * line. Never throws.
   */
  public Optional<NetDevSnapshot> read() {
    List<NetDevCounters> counters =
        NetDevParser.parse(ProcFiles.lines(root.resolve("proc/net/dev")));
    if (counters.isEmpty()) {
      return Optional.empty();
    }
    List<InterfaceStats> interfaces = counters.stream().map(this::stats).toList();
    return Optional.of(new NetDevSnapshot(interfaces, NetDevTotals.of(interfaces)));
  }

  private InterfaceStats stats(NetDevCounters counters) {
    InterfaceFacts facts = factsReader.read(counters.name());
    return new InterfaceStats(
        counters, facts, InterfaceClassifier.classify(counters.name(), facts));
  }
}
