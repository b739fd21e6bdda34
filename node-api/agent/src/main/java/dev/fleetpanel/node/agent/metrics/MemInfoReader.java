package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code proc/meminfo} below the node root into {@link MemInfo}. */
public final class MemInfoReader {
  private final Path root;

  /** {@code root} is the host's filesystem root as the agent sees it, normally {@code /}. */
  public MemInfoReader(Path root) {
    this.root = root;
  }

  /** RAM and swap in bytes, or empty when the file is missing, unreadable or lacks MemTotal. */
  public Optional<MemInfo> read() {
    return ProcFiles.read(root, "proc/meminfo").flatMap(MemInfoParser::parse);
  }
}
