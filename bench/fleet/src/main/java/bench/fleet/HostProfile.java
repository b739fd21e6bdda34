package bench.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fixed facts of one simulated host (hardware, OS, disks, interfaces and their average loads),
 * drawn once from the node's own random source so a seed always gives the same fleet.
 */
record HostProfile(
    String hostname,
    String os,
    String kernel,
    String cpuModel,
    int cores,
    double mhz,
    double cpuMean,
    long ramTotal,
    double ramMean,
    long swapTotal,
    List<Disk> disks,
    List<Nic> nics,
    int listening,
    double establishedMean) {

  static final long GIB = 1L << 30;

  private static final String[][] SYSTEMS = {
    {"Ubuntu 24.04.1 LTS", "6.8.0-45-generic"},
    {"Ubuntu 22.04.5 LTS", "5.15.0-122-generic"},
    {"Debian GNU/Linux 12 (bookworm)", "6.1.0-26-amd64"},
    {"Rocky Linux 9.4 (Blue Onyx)", "5.14.0-427.13.1.el9_4.x86_64"},
  };
  private static final String[] CPUS = {
    "AMD EPYC 7543 32-Core Processor",
    "Intel(R) Xeon(R) Gold 6230R CPU @ 2.10GHz",
    "AMD EPYC-Milan Processor",
    "Intel Xeon Processor (Skylake, IBRS)",
  };
  private static final int[] CORES = {1, 2, 2, 4, 4, 8, 16, 32};
  private static final int[] RAM_GIB = {1, 2, 4, 4, 8, 16, 32, 64};

  /** A mounted filesystem on its own block device. */
  record Disk(
      String device,
      String ioName,
      String mountpoint,
      long total,
      double usedShare,
      double readMean,
      double writeMean) {}

  /** A network interface; virtual ones do not count in the network total. */
  record Nic(
      String name,
      String mac,
      int mtu,
      Integer speedMbps,
      boolean virtual,
      double rxMean,
      double txMean) {}

  static HostProfile draw(String hostname, Random random) {
    String[] system = SYSTEMS[random.nextInt(SYSTEMS.length)];
    int cores = CORES[random.nextInt(CORES.length)];
    long ram = RAM_GIB[random.nextInt(RAM_GIB.length)] * GIB;
    return new HostProfile(
        hostname,
        system[0],
        system[1],
        CPUS[random.nextInt(CPUS.length)],
        cores,
        2000 + random.nextInt(1500) + random.nextInt(1000) / 1000.0,
        3 + random.nextDouble() * 55,
        ram,
        0.2 + random.nextDouble() * 0.6,
        random.nextBoolean() ? 0 : 2 * GIB,
        disks(random),
        nics(random),
        4 + random.nextInt(12),
        5 + random.nextDouble() * 400);
  }

  private static List<Disk> disks(Random random) {
    List<Disk> disks = new ArrayList<>();
    disks.add(disk("vda", "/dev/vda1", "/", random));
    if (random.nextBoolean()) {
      disks.add(disk("vdb", "/dev/vdb", "/var/lib/data", random));
    }
    return List.copyOf(disks);
  }

  private static Disk disk(String ioName, String device, String mountpoint, Random random) {
    return new Disk(
        device,
        ioName,
        mountpoint,
        (20 + random.nextInt(480)) * GIB,
        0.1 + random.nextDouble() * 0.75,
        logUniform(random, 1e3, 5e6),
        logUniform(random, 1e4, 1e7));
  }

  private static List<Nic> nics(Random random) {
    List<Nic> nics = new ArrayList<>();
    nics.add(new Nic("lo", "00:00:00:00:00:00", 65536, null, true, 2e4, 2e4));
    double rx = logUniform(random, 1e4, 5e7);
    nics.add(new Nic("eth0", mac(random), 1500, 1000, false, rx, rx * (0.1 + random.nextDouble())));
    if (random.nextInt(3) == 0) {
      double docker = logUniform(random, 1e3, 1e6);
      nics.add(new Nic("docker0", mac(random), 1500, null, true, docker, docker * 2));
    }
    return List.copyOf(nics);
  }

  private static String mac(Random random) {
    return String.format(
        "52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }

  /** Loads spread over orders of magnitude, as in a real fleet: a few busy hosts, many quiet. */
  private static double logUniform(Random random, double min, double max) {
    return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
  }
}
