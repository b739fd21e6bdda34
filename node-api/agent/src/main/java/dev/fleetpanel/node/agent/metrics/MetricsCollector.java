package dev.fleetpanel.node.agent.metrics;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Samples the host in the background, off the request path, on one daemon thread: every {@link
 * #FAST_PERIOD} the CPU times, {@code proc/net/dev}, {@code proc/diskstats}, memory and load; every
 * slow period (default {@link #DEFAULT_SLOW_PERIOD}) sockets, conntrack, processes, filesystems,
 * cpuinfo and host facts, and the network window (average and 1 s peak since the previous slow
 * tick). After each tick it publishes a new immutable {@link MetricsSnapshot} with one atomic swap,
 * so {@link #snapshot()} only reads memory and never sees half a sample.
 *
 * <p>A reader that fails leaves its section null and is logged; the sampler never throws. Memory is
 * bounded: the collector keeps the latest values, one baseline per rate and the previous process
 * list.
 *
 * <p>Rates use a monotonic nanosecond source, not the wall clock, so a clock step does not distort
 * them; the {@link Clock} only stamps the snapshot.
 */
public final class MetricsCollector implements AutoCloseable {

  public static final Duration FAST_PERIOD = Duration.ofSeconds(1);
  public static final Duration DEFAULT_SLOW_PERIOD = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(MetricsCollector.class.getName());
  private static final SystemInfo NO_SYSTEM_INFO =
      new SystemInfo(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Duration slowPeriod;
  private final CpuTimesReader cpuTimesReader;
  private final CpuInfoReader cpuInfoReader;
  private final MemInfoReader memInfoReader;
  private final LoadAvgReader loadAvgReader;
  private final NetworkReader networkReader;
  private final DiskReader diskReader;
  private final SocketStatsReader socketStatsReader;
  private final SystemReader systemReader;
  private final ProcessReader processReader;
  private final PeakTracker peakTracker = new PeakTracker();
  private final AtomicReference<MetricsSnapshot> latest = new AtomicReference<>();
  private final String architecture = System.getProperty("os.arch");

  // Sampler state: written only under this object's lock (the scheduler thread or sampleNow()).
  private CpuTimes cpuTimes;
  private long cpuTimesNanos;
  private CpuUsage cpuUsage;
  private CpuInfo cpuInfo;
  private CpuFrequency frequency;
  private LoadAvg load;
  private MemInfo memory;
  private NetDevSnapshot net;
  private Map<String, InterfacePeak> netRates = Map.of();
  private Map<String, DiskStats> diskIo = Map.of();
  private long diskIoNanos;
  private DiskRates diskRates;
  private List<DiskUsage> partitions = List.of();
  private ProcessSampler processSampler;
  private ProcessSummary processes;
  private SystemInfo systemInfo;
  private SocketStats sockets;
  private ScheduledExecutorService scheduler;

  /** Samples below {@code root} (normally {@code /}); {@code clock} stamps each snapshot. */
  public MetricsCollector(Path root, Clock clock) {
    this(root, clock, DEFAULT_SLOW_PERIOD, System::nanoTime, new FileSystemStatsReader(root));
  }

  /**
   * @param slowPeriod period of the socket, process, filesystem and host sampling and of the
   *     network rate window
   * @param nanoTime monotonic nanoseconds for rates, normally {@link System#nanoTime()}
   * @param fileSystems space of the mounted filesystems
   */
  public MetricsCollector(
      Path root,
      Clock clock,
      Duration slowPeriod,
      LongSupplier nanoTime,
      FileSystemStats fileSystems) {
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.slowPeriod = slowPeriod;
    this.cpuTimesReader = new CpuTimesReader(root);
    this.cpuInfoReader = new CpuInfoReader(root);
    this.memInfoReader = new MemInfoReader(root);
    this.loadAvgReader = new LoadAvgReader(root);
    this.networkReader = new NetworkReader(root);
    this.diskReader = new DiskReader(root, fileSystems);
    this.socketStatsReader = new SocketStatsReader(root);
    this.systemReader = new SystemReader(root);
    this.processReader = new ProcessReader(root, ProcessReader.DEFAULT_PAGE_SIZE, nanoTime);
  }

  /** Starts the background sampling on one daemon thread. Calling it again does nothing. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "fleetpanel-metrics");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleAtFixedRate(
        () -> tick(this::sampleFast), 0, FAST_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(
        () -> tick(this::sampleSlow), 0, slowPeriod.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the background sampling; the last snapshot stays readable. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** The latest sample, or null before the first one. Reads memory only. */
  public MetricsSnapshot snapshot() {
    return latest.get();
  }

  /** The latest sample; before the sampler's first tick, one taken now (never null). */
  public MetricsSnapshot current() {
    MetricsSnapshot snapshot = latest.get();
    if (snapshot == null) {
      sampleNow();
      snapshot = latest.get();
    }
    return snapshot;
  }

  /**
   * The latest sample with its network averages and peaks over the last {@code window} (at most
   * {@link PeakTracker#HISTORY} seconds) instead of the sampler's own window: what a client that
   * polls every {@code window} asks for. Reads memory only.
   */
  public MetricsSnapshot current(Duration window) {
    MetricsSnapshot snapshot = current();
    if (snapshot.network() == null) {
      return snapshot;
    }
    Map<String, InterfacePeak> rates = peakTracker.recent(nanoTime.getAsLong(), window.toNanos());
    return new MetricsSnapshot(
        snapshot.timestamp(),
        snapshot.cpu(),
        snapshot.memory(),
        snapshot.disk(),
        new MetricsSnapshot.Network(snapshot.network().counters(), rates),
        snapshot.processes(),
        snapshot.system());
  }

  /** Takes a fast and a slow sample at once and publishes them (tests, and the first request). */
  public synchronized void sampleNow() {
    sampleFast();
    sampleSlow();
  }

  /** The 1 s sample: CPU times, network counters, disk I/O, memory and load. */
  synchronized void sampleFast() {
    long now = nanoTime.getAsLong();
    guard("cpu times", () -> sampleCpu(now), () -> cpuTimes = null);
    guard("memory", () -> memory = memInfoReader.read().orElse(null), () -> memory = null);
    guard("load", () -> load = loadAvgReader.read().orElse(null), () -> load = null);
    guard("network", () -> sampleNetwork(now), () -> net = null);
    guard("disk io", () -> sampleDiskIo(now), () -> diskIo = Map.of());
    publish();
  }

  /** The slow sample: sockets, processes, filesystems, cpuinfo, host facts, network window. */
  synchronized void sampleSlow() {
    guard("cpuinfo", () -> cpuInfo = cpuInfoReader.read().orElse(null), () -> cpuInfo = null);
    guard(
        "cpu frequency",
        () -> frequency = cpuInfoReader.readFrequency().orElse(null),
        () -> frequency = null);
    guard("network window", () -> netRates = peakTracker.poll(), () -> netRates = Map.of());
    guard("partitions", () -> partitions = diskReader.partitions(), () -> partitions = List.of());
    guard("sockets", () -> sockets = socketStatsReader.read(), () -> sockets = null);
    guard("system", () -> systemInfo = systemReader.read(), () -> systemInfo = null);
    guard("processes", this::sampleProcesses, () -> processes = null);
    publish();
  }

  private void sampleCpu(long now) {
    CpuTimes times = cpuTimesReader.read().orElse(null);
    if (times == null) {
      cpuTimes = null;
      cpuUsage = null;
      return;
    }
    if (cpuTimes != null) {
      Duration elapsed = Duration.ofNanos(now - cpuTimesNanos);
      if (elapsed.compareTo(CpuUsage.MIN_WINDOW) < 0) {
        return;
      }
      cpuUsage = (cpuUsage == null ? CpuUsage.NONE : cpuUsage).next(cpuTimes, times, elapsed);
    }
    cpuTimes = times;
    cpuTimesNanos = now;
  }

  private void sampleNetwork(long now) {
    net = networkReader.read().orElse(null);
    if (net != null) {
      peakTracker.record(
          NetDevSample.of(now, net.interfaces().stream().map(InterfaceStats::counters).toList()));
    }
  }

  private void sampleDiskIo(long now) {
    Map<String, DiskStats> io = diskReader.ioCounters();
    if (!diskIo.isEmpty() && !io.isEmpty() && now > diskIoNanos) {
      diskRates = DiskRates.between(diskIo, io, Duration.ofNanos(now - diskIoNanos));
    } else if (io.isEmpty()) {
      diskRates = null;
    }
    diskIo = io;
    diskIoNanos = now;
  }

  private void sampleProcesses() {
    if (processSampler == null) {
      int cores = cpuTimes != null ? cpuTimes.cores().size() : 1;
      processSampler =
          new ProcessSampler(cores, ProcessSampler.DEFAULT_TICKS_PER_SECOND, processReader::read);
    }
    ProcessSummary summary = processSampler.sample();
    processes = summary.total() == 0 ? null : summary;
  }

  private void publish() {
    latest.set(build());
  }

  private MetricsSnapshot build() {
    MetricsSnapshot.Cpu cpu =
        cpuTimes == null && cpuInfo == null && load == null && frequency == null
            ? null
            : new MetricsSnapshot.Cpu(cpuInfo, cpuTimes == null ? null : cpuUsage, load, frequency);
    MetricsSnapshot.Disk disk =
        partitions.isEmpty() && diskIo.isEmpty()
            ? null
            : new MetricsSnapshot.Disk(partitions, diskIo, diskRates);
    MetricsSnapshot.Network network =
        net == null ? null : new MetricsSnapshot.Network(net, netRates);
    return new MetricsSnapshot(clock.instant(), cpu, memory, disk, network, processes, host());
  }

  private MetricsSnapshot.Host host() {
    boolean noInfo = systemInfo == null || systemInfo.equals(NO_SYSTEM_INFO);
    boolean noSockets =
        sockets == null
            || (sockets.tcp() == null && sockets.udpTotal() == null && sockets.conntrack() == null);
    if (noInfo && noSockets) {
      return null;
    }
    return new MetricsSnapshot.Host(
        systemInfo == null ? NO_SYSTEM_INFO : systemInfo, architecture, sockets);
  }

  /** A scheduled task that throws is never run again, so nothing may escape a tick. */
  private static void tick(Runnable sample) {
    try {
      sample.run();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "metrics sampler: tick failed", e);
    }
  }

  /** Runs one step; on failure logs it and runs {@code onFailure} so the section becomes null. */
  static void guard(String what, Runnable step, Runnable onFailure) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "metrics sampler: reading " + what + " failed", e);
      onFailure.run();
    }
  }
}
