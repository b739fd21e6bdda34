package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code proc/loadavg} below the node root into {@link LoadAvg}. */
public final class LoadAvgReader {
  private final Path root;

  /** {@code root} is the host's filesystem root as the agent sees it, normally {@code /}. */
  public LoadAvgReader(Path root) {
    this.root = root;
  }

  /** The load averages, or empty when the file is missing, unreadable or malformed. */
  public Optional<LoadAvg> read() {
    return ProcFiles.read(root, "proc/loadavg").flatMap(LoadAvgParser::parse);
  }
}
