package dev.fleetpanel.node.agent.metrics;

import java.nio.file.Path;
import java.util.Optional;

/** Reads the host facts of {@link SystemInfo} from their files below the node root. */
public final class SystemReader {
  private final Path root;

  /** {@code root} is the host's filesystem root as the agent sees it, normally {@code /}. */
  public SystemReader(Path root) {
    this.root = root;
  }

  /** The host facts; a missing or unusable file leaves its field empty and never throws. */
  public SystemInfo read() {
    return new SystemInfo(
        text("proc/sys/kernel/hostname").flatMap(SystemInfoParser::firstLine),
        osName(),
        text("proc/sys/kernel/osrelease").flatMap(SystemInfoParser::firstLine),
        text("proc/sys/kernel/random/boot_id").flatMap(SystemInfoParser::bootId),
        text("proc/uptime").flatMap(UptimeParser::parse),
        text("proc/stat").flatMap(CpuTimesParser::parseBootTime));
  }

  /** {@code etc/os-release}, else {@code usr/lib/os-release} as os-release(5) prescribes. */
  private Optional<String> osName() {
    return text("etc/os-release")
        .flatMap(OsReleaseParser::prettyName)
        .or(() -> text("usr/lib/os-release").flatMap(OsReleaseParser::prettyName));
  }

  private Optional<String> text(String relative) {
    return ProcFiles.read(root, relative);
  }
}
