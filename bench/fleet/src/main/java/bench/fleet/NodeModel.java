package bench.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The changing state of one simulated host, moved on lazily to the time of each request: CPU and
 * memory as random walks, counters that only grow (at the rates reported with them) until a reboot
 * sets them back to zero with a new boot id. Not thread-safe: {@link #document} serialises access.
 */
final class NodeModel {

  private static final double LOAD_5_SECONDS = 300;
  private static final double LOAD_15_SECONDS = 900;
  private static final MetricsDocument WRITER = new MetricsDocument("sim");

  private final HostProfile profile;
  private final Random random;
  private final Duration rebootEvery;
  private Instant bootTime;
  private UUID bootId;
  private Instant last;
  private final Walk cpu;
  private final Walk ramShare;
  private final Walk swapShare;
  private final Walk established;
  private final Walk processes;
  private final double[] perCpu;
  private double load5;
  private double load15;
  private final List<Flow> received;
  private final List<Flow> sent;
  private final List<Flow> reads;
  private final List<Flow> writes;

  /**
   * @param rebootEvery how often the host reboots, null for never
   */
  NodeModel(HostProfile profile, Random random, Instant now, Duration rebootEvery) {
    this.profile = profile;
    this.random = random;
    this.rebootEvery = rebootEvery;
    double uptime =
        rebootEvery == null
            ? 3600 + random.nextDouble() * 90 * 86_400
            : random.nextDouble() * rebootEvery.toSeconds();
    this.bootTime = now.minusMillis((long) (uptime * 1000));
    this.bootId = uuid(random);
    this.last = now;
    this.cpu = new Walk(profile.cpuMean(), 8, 0.5, 100);
    this.ramShare = new Walk(profile.ramMean(), 0.03, 0.05, 0.97);
    this.swapShare = new Walk(0.05, 0.02, 0, 0.9);
    this.established = new Walk(profile.establishedMean(), profile.establishedMean() / 5, 0, 1e6);
    this.processes = new Walk(90 + profile.cores() * 12, 4, 40, 2000);
    this.perCpu = new double[profile.cores()];
    this.load5 = profile.cpuMean() * profile.cores() / 100;
    this.load15 = load5;
    this.received = profile.nics().stream().map(n -> new Flow(n.rxMean(), uptime)).toList();
    this.sent = profile.nics().stream().map(n -> new Flow(n.txMean(), uptime)).toList();
    this.reads = profile.disks().stream().map(d -> new Flow(d.readMean(), uptime)).toList();
    this.writes = profile.disks().stream().map(d -> new Flow(d.writeMean(), uptime)).toList();
    spreadOverCores();
  }

  /** The {@code /api/metrics} document as of {@code now} (UTF-8 JSON). */
  synchronized byte[] document(Instant now) {
    advance(now);
    return WRITER.write(this, now);
  }

  private void advance(Instant now) {
    rebootIfDue(now);
    double seconds = Duration.between(last, now).toMillis() / 1000.0;
    if (seconds <= 0) {
      return;
    }
    last = now;
    cpu.step(seconds, random);
    ramShare.step(seconds, random);
    swapShare.step(seconds, random);
    established.step(seconds, random);
    processes.step(seconds, random);
    spreadOverCores();
    load5 += (load1() - load5) * (1 - Math.exp(-seconds / LOAD_5_SECONDS));
    load15 += (load1() - load15) * (1 - Math.exp(-seconds / LOAD_15_SECONDS));
    for (List<Flow> flows : List.of(received, sent, reads, writes)) {
      flows.forEach(f -> f.advance(seconds, random));
    }
  }

  /** Reboots at whole periods after the last boot; counters then grow only from that instant. */
  private void rebootIfDue(Instant now) {
    if (rebootEvery == null) {
      return;
    }
    long periods = Duration.between(bootTime, now).toMillis() / rebootEvery.toMillis();
    if (periods <= 0) {
      return;
    }
    bootTime = bootTime.plus(rebootEvery.multipliedBy(periods));
    bootId = uuid(random);
    for (List<Flow> flows : List.of(received, sent, reads, writes)) {
      flows.forEach(Flow::reset);
    }
    if (last.isBefore(bootTime)) {
      last = bootTime;
    }
  }

  private void spreadOverCores() {
    for (int i = 0; i < perCpu.length; i++) {
      perCpu[i] = Math.max(0, Math.min(100, cpu.value() + random.nextGaussian() * 10));
    }
  }

  private static UUID uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong());
  }

  HostProfile profile() {
    return profile;
  }

  Instant bootTime() {
    return bootTime;
  }

  String bootId() {
    return bootId.toString();
  }

  /** Usage over all cores: the mean of the per-core figures, as the kernel's totals give it. */
  double cpuPercent() {
    double sum = 0;
    for (double core : perCpu) {
      sum += core;
    }
    return sum / perCpu.length;
  }

  double[] perCpuPercent() {
    return perCpu.clone();
  }

  /** One-minute load: busy share of the cores, as a run-queue length. */
  double load1() {
    return cpuPercent() * profile.cores() / 100;
  }

  double load5() {
    return load5;
  }

  double load15() {
    return load15;
  }

  double ramShare() {
    return ramShare.value();
  }

  double swapShare() {
    return swapShare.value();
  }

  int established() {
    return (int) established.value();
  }

  int processes() {
    return (int) processes.value();
  }

  Flow received(int nic) {
    return received.get(nic);
  }

  Flow sent(int nic) {
    return sent.get(nic);
  }

  Flow reads(int disk) {
    return reads.get(disk);
  }

  Flow writes(int disk) {
    return writes.get(disk);
  }
}
