package dev.fleetpanel.panel.blocklist.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.EntryText;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SyncBodyWriter;
import dev.fleetpanel.node.net.NonPublicRanges;
import dev.fleetpanel.panel.blocklist.list.ListParser.Limits;
import dev.fleetpanel.panel.blocklist.list.ListParser.Parsed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The list engine's benchmark (issue 6; not part of the suite: its name ends in neither Test nor
 * IT). Run it with {@code mvn -q -pl panel test -Dtest=ListEngineBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures go to {@code
 * panel/target/bench/list-engine.properties} and standard output. {@code
 * -Dfleetpanel.bench.entries} (1,000,000) sets the list's size, {@code -Dfleetpanel.bench.runs} (5)
 * the timed runs, {@code -Dfleetpanel.bench.heap=false} skips the heap search.
 *
 * <p>The list is generated from a fixed seed into {@code target/bench/list-engine-N.txt}: 70%
 * single public IPv4 addresses, 20% IPv4 networks /16 to /30 (most /24 and longer), 4% IPv6
 * addresses and /32-/64 networks, 1% ranges, 3% repeats of earlier lines and 2% addresses inside
 * earlier networks; 1% of the lines carry a trailing comment, and there is a comment line every
 * 1,000 lines and a garbage and a non-public line every 10,000.
 *
 * <p>Times are medians of the timed runs after one warm-up run, in this JVM. Heap: the smallest
 * {@code -Xmx} (G1, to 2 MB) with which a fresh JVM parses the file and holds the result three
 * times in a row ({@link HeapSearch}: bisection over child JVMs, then confirmation), minus the same
 * for a child that only loads the classes. This is the heap the work needs live at its peak,
 * garbage excluded, which is what decides whether the panel runs out of memory (a peak-used figure
 * from the memory pools would count garbage the collector had not needed to reclaim yet); it moves
 * by a few MB from run to run, as G1 places the large arrays differently. The retained size of the
 * result is measured in this JVM: used heap after {@code System.gc()} with the list held, minus
 * before.
 */
class ListEngineBench {

  static final long SEED = 20_261_130L;

  @Test
  void millionEntryList() throws Exception {
    int entries = Integer.getInteger("fleetpanel.bench.entries", 1_000_000);
    int runs = Integer.getInteger("fleetpanel.bench.runs", 5);
    Path file = Path.of("target/bench/list-engine-" + entries + ".txt");
    Files.createDirectories(file.getParent());
    ListFile.generate(file, entries, SEED);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("entries_generated", entries);
    figures.put("file_bytes", Files.size(file));

    Parsed parsed = parse(file);
    figures.put("lines", parsed.lines());
    figures.put("accepted", parsed.accepted());
    figures.put("garbage", parsed.garbage());
    figures.put("refused", parsed.refused());
    figures.put("merged_entries", parsed.list().size());
    figures.put("merged_ipv6_entries", parsed.list().ipv6Count());
    figures.put("parse_ms", millis(runs, () -> parse(file).list().size()));
    figures.put("retained_list_mb", retainedMb(file));

    NetworkList list = parsed.list();
    figures.put("content_hash_ms", millis(runs, () -> copy(list).contentHash().length()));
    CountingStream json = new CountingStream();
    SyncBodyWriter.writeFull(json, Direction.IN, ListKind.PERMANENT, list.canonical());
    figures.put("sync_body_bytes", json.count);
    figures.put("sync_body_ms", millis(runs, () -> syncBody(list, false)));
    figures.put("sync_body_gzip_bytes", syncBody(list, true));
    figures.put("sync_body_gzip_ms", millis(runs, () -> syncBody(list, true)));

    NetworkList changed = changed(list, new Random(SEED + 1));
    NetworkList.Diff diff = NetworkList.diff(list, changed);
    figures.put("diff_added", diff.added().size());
    figures.put("diff_removed", diff.removed().size());
    figures.put("diff_ms", millis(runs, () -> NetworkList.diff(list, changed).added().size()));

    Path stored = file.resolveSibling("list-engine-" + entries + ".bin");
    figures.put("write_ms", millis(runs, () -> write(list, stored)));
    figures.put("stored_bytes", Files.size(stored));
    figures.put("read_ms", millis(runs, () -> NetworkList.readFrom(stored).size()));
    assertThat(NetworkList.readFrom(stored)).isEqualTo(list);

    if (Boolean.parseBoolean(System.getProperty("fleetpanel.bench.heap", "true"))) {
      int baseline = HeapSearch.smallestXmx("baseline", file);
      int parse = HeapSearch.smallestXmx("parse", file);
      figures.put("heap_baseline_xmx_mb", baseline);
      figures.put("heap_parse_xmx_mb", parse);
      figures.put("heap_extra_mb", parse - baseline);
    }
    figures.put("java", System.getProperty("java.version"));
    figures.put("cores", Runtime.getRuntime().availableProcessors());

    Path out = Path.of("target/bench/list-engine.properties");
    Files.writeString(
        out,
        figures.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
    System.out.println("LIST ENGINE BENCH " + figures);
    assertThat(parsed.list().size()).isPositive();
  }

  static Parsed parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ListParser.parse(in, Limits.DEFAULT);
    }
  }

  /** The same content without its computed hash. */
  static NetworkList copy(NetworkList list) {
    return new NetworkList(list.ipv4Intervals(), list.ipv6Intervals(), null);
  }

  static long syncBody(NetworkList list, boolean gzip) throws IOException {
    CountingStream counted = new CountingStream();
    OutputStream out = gzip ? new GZIPOutputStream(counted, 64 * 1024) : counted;
    SyncBodyWriter.writeFull(out, Direction.IN, ListKind.PERMANENT, list.canonical());
    out.close();
    return counted.count;
  }

  static long write(NetworkList list, Path file) throws IOException {
    list.writeTo(file);
    return 0;
  }

  /** The list with 50 of its entries taken out and 50 new addresses put in. */
  static NetworkList changed(NetworkList list, Random random) {
    List<String> all = new ArrayList<>();
    list.forEach(all::add);
    NetworkListBuilder out = NetworkList.builder();
    for (int i = 0; i < 50; i++) {
      out.add(BlocklistEntry.parse(all.get(random.nextInt(all.size()))));
    }
    NetworkList removed = out.build();
    NetworkListBuilder added = NetworkList.builder();
    while (added.build().size() < 50) {
      long address = ListFile.publicIpv4(random);
      NetworkList one = NetworkList.builder().addIpv4(address, 32).build();
      if (list.minus(one).equals(list)) { // not in the list yet
        added.addIpv4(address, 32);
      }
    }
    return NetworkList.union(list.minus(removed), added.build());
  }

  interface Run {
    long run() throws Exception;
  }

  /** The median of {@code runs} timed runs after one warm-up run, in milliseconds. */
  static double millis(int runs, Run run) throws Exception {
    run.run();
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      System.gc();
      long start = System.nanoTime();
      run.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return Math.round(nanos[runs / 2] / 10_000.0) / 100.0;
  }

  static double retainedMb(Path file) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    LongSupplier used =
        () -> {
          System.gc();
          System.gc();
          return memory.getHeapMemoryUsage().getUsed();
        };
    long before = used.getAsLong();
    NetworkList held = parse(file).list();
    long after = used.getAsLong();
    assertThat(held.size()).isPositive();
    return Math.round((after - before) / 10_485.76) / 100.0;
  }

  /** An output stream that only counts. */
  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The benchmark's list file, generated the same way from one seed. */
  static final class ListFile {

    static void generate(Path file, int entries, long seed) throws IOException {
      Random random = new Random(seed);
      String[] recent = new String[10_000];
      long[] networks = new long[1_000];
      int networkCount = 0;
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
        out.write("# Benchmark list, seed " + seed + ", " + entries + " entries\n#\n");
        for (int i = 0; i < entries; i++) {
          if (i % 1_000 == 999) {
            out.write("# section " + i / 1_000 + "\n");
          }
          if (i % 10_000 == 5_000) {
            out.write("not-an-address-" + i + ".example\n10." + (i / 10_000 % 256) + ".0.1\n");
          }
          int kind = random.nextInt(100);
          String line;
          if (kind < 3 && i > 0) {
            line = recent[random.nextInt(Math.min(i, recent.length))];
          } else if (kind < 5 && networkCount > 0) {
            long network = networks[random.nextInt(Math.min(networkCount, networks.length))];
            int prefix = (int) (network & 0xFF);
            long address = (network >>> 8) + (random.nextLong() & (0xFFFF_FFFFL >>> prefix));
            line = ipv4(address, 32);
          } else if (kind < 75) {
            line = ipv4(publicIpv4(random), 32);
          } else if (kind < 95) {
            int prefix = networkPrefix(random);
            long address = publicIpv4(random) & ~(0xFFFF_FFFFL >>> prefix);
            while (NonPublicRanges.overlapIpv4(address, prefix).isPresent()) {
              address = publicIpv4(random) & ~(0xFFFF_FFFFL >>> prefix);
            }
            networks[networkCount++ % networks.length] = address << 8 | prefix;
            line = ipv4(address, prefix);
          } else if (kind < 99) {
            line = ipv6(random);
          } else {
            long first = publicIpv4(random);
            long last = Math.min(first + 1 + random.nextInt(300), 0xDFFF_FFFFL);
            line = ipv4(first, 32) + (random.nextBoolean() ? "-" : " - ") + ipv4(last, 32);
            if (RangeCheck.nonPublicIpv4(first, last).isPresent()) {
              line = ipv4(first, 32);
            }
          }
          recent[i % recent.length] = line;
          out.write(line);
          out.write(random.nextInt(100) == 0 ? " # reported " + i + "\n" : "\n");
        }
      }
    }

    static int networkPrefix(Random random) {
      int p = random.nextInt(100);
      if (p < 1) {
        return 16;
      } else if (p < 5) {
        return 17 + random.nextInt(4);
      } else if (p < 20) {
        return 21 + random.nextInt(3);
      } else if (p < 70) {
        return 24;
      }
      return 25 + random.nextInt(6);
    }

    static long publicIpv4(Random random) {
      while (true) {
        long address = random.nextLong() & 0xFFFF_FFFFL;
        if (NonPublicRanges.overlapIpv4(address, 32).isEmpty()) {
          return address;
        }
      }
    }

    static String ipv4(long address, int prefix) {
      return EntryText.appendIpv4(new StringBuilder(), address, prefix).toString();
    }

    static String ipv6(Random random) {
      long hi = 0x2a00_0000_0000_0000L | (random.nextLong() >>> 8);
      if (random.nextBoolean()) {
        return EntryText.appendIpv6(new StringBuilder(), hi, random.nextLong(), 128).toString();
      }
      int prefix = 32 + random.nextInt(33);
      return EntryText.appendIpv6(new StringBuilder(), hi & (-1L << (64 - prefix)), 0, prefix)
          .toString();
    }
  }

  /**
   * Bisection over child JVMs for the smallest heap a task completes in, then confirmed: that heap
   * is raised by 2 MB until {@value #CONFIRMATIONS} runs in a row complete (near the threshold G1
   * sometimes completes and sometimes not). A run counts as failed only on an {@code
   * OutOfMemoryError}; any other failure stops the benchmark with the child's output.
   */
  static final class HeapSearch {

    static final int CONFIRMATIONS = 3;

    static int smallestXmx(String task, Path file) throws Exception {
      int low = 4;
      int high = 1024;
      if (!completes(task, file, high)) {
        throw new IllegalStateException(task + " does not complete with -Xmx" + high + "m");
      }
      while (high - low > 2) {
        int mid = (low + high) >>> 1;
        if (completes(task, file, mid)) {
          high = mid;
        } else {
          low = mid;
        }
      }
      for (int run = 0; run < CONFIRMATIONS; run++) {
        if (!completes(task, file, high)) {
          high += 2;
          run = -1;
        }
      }
      return high;
    }

    static boolean completes(String task, Path file, int megabytes) throws Exception {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Path output = Files.createTempFile("list-engine-child", ".out");
      try {
        Process process =
            new ProcessBuilder(
                    java.toString(),
                    "-XX:+UseG1GC",
                    "-Xmx" + megabytes + "m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Child.class.getName(),
                    task,
                    file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IllegalStateException(task + " took over 300 s with -Xmx" + megabytes + "m");
        }
        String said = Files.readString(output);
        if (process.exitValue() == 0) {
          return true;
        }
        if (said.contains("OutOfMemoryError")) {
          return false;
        }
        throw new IllegalStateException(
            task
                + " failed with -Xmx"
                + megabytes
                + "m: exit "
                + process.exitValue()
                + ", "
                + said);
      } finally {
        Files.delete(output);
      }
    }
  }

  /** What a child JVM of the heap search does: parse the file and hold it, or only load classes. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      if (args[0].equals("parse")) {
        Parsed parsed = parse(Path.of(args[1]));
        System.out.println(parsed.list().size() + " " + parsed.accepted());
      } else {
        Parsed parsed = ListParser.parse("11.1.1.1\n", Limits.DEFAULT);
        System.out.println(parsed.list().size() + " " + Files.size(Path.of(args[1])));
      }
    }
  }
}
