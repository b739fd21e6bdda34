package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Reads a {@link ProcessSnapshot} under the node root ({@code FLEETPANEL_NODE_ROOT}, default {@code
 * /}): {@code proc/[0-9]+/stat} and {@code status}, {@code etc/passwd} for user names and the
 * {@code MemTotal} line of {@code proc/meminfo}. A missing or unreadable file gives an empty part
 * (no processes, no user names, {@code MemTotal} 0), never an exception; a process whose directory
 * disappears while it is read is left out.
 *
 * <p>RSS comes from {@code VmRSS} when present, otherwise from the stat field in pages × page size.
 */
public final class ProcessReader {
  /** The page size of x86-64 and most arm64 kernels. */
  public static final long DEFAULT_PAGE_SIZE = 4096;

  private final Path root;
  private final long pageSize;
  private final LongSupplier nanoClock;

  public ProcessReader(Path root) {
    this(root, DEFAULT_PAGE_SIZE, System::nanoTime);
  }

  /**
   * @param pageSize bytes per page, for the RSS of the stat file
   * @param nanoClock monotonic clock stamped on each snapshot
   */
  public ProcessReader(Path root, long pageSize, LongSupplier nanoClock) {
    this.root = root;
    this.pageSize = pageSize;
    this.nanoClock = nanoClock;
  }

  public ProcessSnapshot read() {
    long takenAt = nanoClock.getAsLong();
    Map<Integer, String> users = PasswdParser.parse(ProcFiles.lines(root.resolve("etc/passwd")));
    List<ProcessSample> processes = new ArrayList<>();
    for (Path dir : processDirectories()) {
      readProcess(dir, users).ifPresent(processes::add);
    }
    long memTotal = memTotalBytes(ProcFiles.lines(root.resolve("proc/meminfo")));
    return new ProcessSnapshot(takenAt, memTotal, processes);
  }

  private List<Path> processDirectories() {
    try (Stream<Path> entries = Files.list(root.resolve("proc"))) {
      return entries
          .filter(p -> p.getFileName().toString().matches("[0-9]+"))
          .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())))
          .toList();
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return List.of();
    }
  }

  private Optional<ProcessSample> readProcess(Path dir, Map<Integer, String> users) {
    Optional<ProcStat> stat = ProcFiles.read(dir.resolve("stat")).flatMap(ProcStatParser::parse);
    Optional<ProcStatus> status =
        ProcFiles.read(dir.resolve("status")).map(ProcStatusParser::parse);
    if (stat.isEmpty() || status.isEmpty()) {
      return Optional.empty();
    }
    ProcStat s = stat.get();
    ProcStatus st = status.get();
    String name = s.comm().isEmpty() ? st.name() : s.comm();
    String user = st.realUid().isPresent() ? userName(users, st.realUid().getAsInt()) : "";
    long rss = st.vmRssBytes().orElse(s.rssPages() * pageSize);
    return Optional.of(
        new ProcessSample(s.pid(), s.startTime(), name, user, s.state(), s.cpuTicks(), rss));
  }

  private static String userName(Map<Integer, String> users, int uid) {
    return users.getOrDefault(uid, Integer.toString(uid));
  }

  /** The {@code MemTotal} line of {@code /proc/meminfo} in bytes, or 0 when absent or garbled. */
  static long memTotalBytes(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemTotal:")) {
        String[] f = line.substring("MemTotal:".length()).trim().split("\\s+");
        try {
          long value = Long.parseLong(f[0]);
          return f.length > 1 && f[1].equalsIgnoreCase("kB") ? value * 1024 : value;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }
}
