package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code proc/stat} below the node root into {@link CpuTimes}. */
public final class CpuTimesReader {
  private final Path root;

  /** {@code root} is the host's filesystem root as the agent sees it, normally {@code /}. */
  public CpuTimesReader(Path root) {
    this.root = root;
  }

  /** The current counters, or empty when the file is missing, unreadable or has no cpu line. */
  public Optional<CpuTimes> read() {
    return ProcFiles.read(root, "proc/stat").flatMap(CpuTimesParser::parse);
  }
}
