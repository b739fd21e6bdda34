package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@link InterfaceFacts} from {@code sys/class/net/<name>} under a root path. Marker entries
 * ({@code device}, {@code bonding}, {@code bonding_slave}, {@code bridge}) count when the path
 * exists, whatever it is: a symlink or directory on a real host, a plain file in a fixture tree,
 * where git would not keep a symlink or an empty directory. The bond master of a slave comes from
 * {@code bonding_slave}, or from {@code master} (a symlink whose last segment names the master, or
 * in a fixture a file holding the name) pointing at an interface that has {@code bonding}.
 */
public final class InterfaceFactsReader {

  private final Path netDir;

  public InterfaceFactsReader(Path root) {
    this.netDir = root.resolve("sys/class/net");
  }

  /** The facts of one interface; {@link InterfaceFacts#UNKNOWN} when it has no sysfs entry. */
  public InterfaceFacts read(String name) {
    if (!NetDevParser.isInterfaceName(name) || !Files.isDirectory(netDir.resolve(name))) {
      return InterfaceFacts.UNKNOWN;
    }
    Path dir = netDir.resolve(name);
    return new InterfaceFacts(
        exists(dir.resolve("device")),
        readText(dir.resolve("operstate")).orElse(null),
        readInt(dir.resolve("mtu")).orElse(null),
        readText(dir.resolve("address")).orElse(null),
        readInt(dir.resolve("speed")).filter(s -> s > 0).orElse(null),
        isBondSlave(dir),
        exists(dir.resolve("bonding")),
        exists(dir.resolve("bridge")));
  }

  private boolean isBondSlave(Path dir) {
    return exists(dir.resolve("bonding_slave"))
        || masterName(dir.resolve("master"))
            .filter(NetDevParser::isInterfaceName)
            .map(m -> exists(netDir.resolve(m).resolve("bonding")))
            .orElse(false);
  }

  private static Optional<String> masterName(Path master) {
    if (Files.isSymbolicLink(master)) {
      try {
        Path target = Files.readSymbolicLink(master).getFileName();
        return Optional.ofNullable(target).map(Path::toString);
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return readText(master);
  }

  private static boolean exists(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  private static Optional<Integer> readInt(Path path) {
    try {
      return readText(path).map(Integer::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The file's content, stripped; empty when absent, unreadable (EINVAL in sysfs) or blank. */
  private static Optional<String> readText(Path path) {
    return ProcFiles.text(path);
  }
}
