package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCollectorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
  private static final FileSystemStats SPACE =
      mountPoint -> Optional.of(new FileSystemStats.Space(1000, 600, 650));

  @TempDir Path root;

  @Test
  void cpuUsageAppearsAfterTheSecondSample() throws IOException {
    copyTree(ProcFixtures.path("root1"), root);
    AtomicLong nanos = new AtomicLong();
    MetricsCollector collector =
        new MetricsCollector(root, CLOCK, Duration.ofSeconds(5), nanos::get, SPACE);

    collector.sampleNow();
    assertThat(collector.snapshot().cpu().usage()).isNull();

    // One second later every core has spent 50 ticks busy (user) and 50 idle.
    Path stat = root.resolve("proc/stat");
    Files.writeString(stat, addTicks(Files.readString(stat)));
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    collector.sampleNow();

    CpuUsage usage = collector.snapshot().cpu().usage();
    assertThat(usage.totalPercent()).isEqualTo(50.0);
    assertThat(usage.perCorePercent()).containsExactly(50.0, 50.0, 50.0, 50.0);
  }

  @Test
  void readersNeverSeeAHalfBuiltSnapshot() throws Exception {
    AtomicLong nanos = new AtomicLong();
    AtomicLong millis = new AtomicLong();
    Clock ticking =
        new Clock() {
          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    MetricsCollector collector =
        new MetricsCollector(
            ProcFixtures.path("root1"), ticking, Duration.ofSeconds(5), nanos::get, SPACE);
    collector.sampleNow();
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread reader =
          new Thread(
              () -> {
                Instant last = Instant.EPOCH;
                try {
                  while (!done.get()) {
                    MetricsSnapshot s = collector.snapshot();
                    assertThat(s.cpu()).isNotNull();
                    assertThat(s.network()).isNotNull();
                    assertThat(s.system()).isNotNull();
                    assertThat(s.processes().total()).isEqualTo(4);
                    assertThat(s.timestamp()).isAfterOrEqualTo(last);
                    last = s.timestamp();
                  }
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int i = 0; i < 200; i++) {
      nanos.addAndGet(Duration.ofMillis(500).toNanos());
      collector.sampleNow();
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join(5000);
    }
    assertThat(failure.get()).isNull();
  }

  @Test
  void backgroundThreadPublishesASnapshot() throws InterruptedException {
    try (MetricsCollector collector =
        new MetricsCollector(
            ProcFixtures.path("root1"), CLOCK, Duration.ofSeconds(5), System::nanoTime, SPACE)) {
      collector.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (collector.snapshot() == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(collector.snapshot()).isNotNull();
      assertThat(collector.snapshot().memory()).isNotNull();
    }
  }

  @Test
  void aFilesystemThatCannotBeMeasuredIsLeftOutAndTheRestIsIntact() {
    FileSystemStats broken =
        mountPoint -> {
          throw new IllegalStateException("statvfs exploded");
        };
    MetricsCollector collector =
        new MetricsCollector(
            ProcFixtures.path("root1"), CLOCK, Duration.ofSeconds(5), System::nanoTime, broken);

    collector.sampleNow();

    assertThat(collector.snapshot().disk().partitions()).isEmpty();
    assertThat(collector.snapshot().memory()).isNotNull();
  }

  @Test
  void aStepThatThrowsIsLoggedAndItsSectionClearedWithoutStoppingTheSampler() {
    java.util.concurrent.atomic.AtomicBoolean cleared =
        new java.util.concurrent.atomic.AtomicBoolean();
    MetricsCollector.guard(
        "test step",
        () -> {
          throw new IllegalStateException("reader exploded");
        },
        () -> cleared.set(true));
    assertThat(cleared).isTrue();

    java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
    MetricsCollector.guard("fine step", () -> ran.set(true), () -> cleared.set(false));
    assertThat(ran).isTrue();
    assertThat(cleared).isTrue();
  }

  private static String addTicks(String stat) {
    StringBuilder out = new StringBuilder();
    for (String line : stat.split("\n", -1)) {
      String[] f = line.split("\\s+");
      if (f[0].matches("cpu\\d*")) {
        int cpus = f[0].equals("cpu") ? 4 : 1;
        f[1] = Long.toString(Long.parseLong(f[1]) + 50L * cpus);
        f[4] = Long.toString(Long.parseLong(f[4]) + 50L * cpus);
        line = String.join(" ", f);
      }
      out.append(line).append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
