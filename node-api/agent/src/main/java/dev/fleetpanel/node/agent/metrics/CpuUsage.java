package dev.fleetpanel.node.agent.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CPU busy percentages over the window between two {@link CpuTimes} samples. Pure and immutable.
 *
 * <p>Percentages are 0..100 with one decimal: per core, and for the whole host from the aggregate
 * line (so 100 means every online CPU was busy). Idle and iowait ticks count as idle.
 *
 * <p>A line gives a new value only when its ticks moved forward by at least {@link
 * #MIN_TICKS_SECONDS} worth ({@value #USER_HZ} ticks per second, per CPU): over a few ticks a core
 * looks either 0 % or 100 % busy. A line whose busy or idle ticks went backwards (reboot, or the
 * aggregate line after a CPU went offline) gives no value either, never a negative one. In both
 * cases the line keeps its previous value ({@link #next}), or 0 when it has none. Idle and iowait
 * are compared as one sum because the kernel may move time between them.
 *
 * @param totalPercent busy share of all online CPUs, 0..100
 * @param cores busy share per CPU, in the order of the newer sample
 * @param measured true when {@link #totalPercent()} comes from this window, false when it was kept
 */
public record CpuUsage(double totalPercent, List<CorePercent> cores, boolean measured) {
  /** Kernel ticks per second as seen in {@code /proc/stat} ({@code USER_HZ}). */
  public static final int USER_HZ = 100;

  /** Windows shorter than this, by clock or by ticks per CPU, give no new value. */
  public static final double MIN_TICKS_SECONDS = 0.2;

  /** Shortest window by the caller's clock. */
  public static final Duration MIN_WINDOW = Duration.ofMillis(200);

  /** A usage sampled longer ago than this is stale and should not be reported as current. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(5);

  /** No usage known yet. */
  public static final CpuUsage NONE = new CpuUsage(0.0, List.of(), false);

  private static final long MIN_TICKS_PER_CPU = Math.round(MIN_TICKS_SECONDS * USER_HZ);

  public CpuUsage {
    cores = List.copyOf(cores);
  }

  /** Busy share of one CPU, 0..100. */
  public record CorePercent(int cpu, double percent) {}

  /** The usage between two samples with no earlier value to fall back on. */
  public static CpuUsage between(CpuTimes before, CpuTimes after, Duration elapsed) {
    return NONE.next(before, after, elapsed);
  }

  /**
   * The usage between {@code before} and {@code after}, taken {@code elapsed} apart, keeping this
   * usage's values for lines that cannot be measured. When the window is shorter than {@link
   * #MIN_WINDOW} this usage is returned unchanged (not measured); the caller should then keep
   * {@code before} as its baseline and measure against it next time.
   */
  public CpuUsage next(CpuTimes before, CpuTimes after, Duration elapsed) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (elapsed.compareTo(MIN_WINDOW) < 0) {
      return new CpuUsage(totalPercent, cores, false);
    }
    long minTotalTicks = MIN_TICKS_PER_CPU * Math.max(1, after.cores().size());
    Double total = percent(before.total(), after.total(), minTotalTicks);
    return new CpuUsage(
        total == null ? totalPercent : total, nextCores(before, after), total != null);
  }

  /** The per-core percentages in CPU order, as the metrics contract lists them. */
  public List<Double> perCorePercent() {
    return cores.stream().map(CorePercent::percent).toList();
  }

  /** Whether a usage sampled {@code age} ago is too old to report. */
  public static boolean isStale(Duration age) {
    return age.compareTo(STALE_AFTER) > 0;
  }

  private List<CorePercent> nextCores(CpuTimes before, CpuTimes after) {
    Map<Integer, CpuTimes.Ticks> earlier = new HashMap<>();
    before.cores().forEach(ticks -> earlier.put(ticks.cpu(), ticks));
    Map<Integer, Double> previous = new HashMap<>();
    cores.forEach(core -> previous.put(core.cpu(), core.percent()));
    List<CorePercent> result = new ArrayList<>();
    for (CpuTimes.Ticks now : after.cores()) {
      CpuTimes.Ticks then = earlier.get(now.cpu());
      Double percent = then == null ? null : percent(then, now, MIN_TICKS_PER_CPU);
      if (percent == null) {
        percent = previous.getOrDefault(now.cpu(), 0.0);
      }
      result.add(new CorePercent(now.cpu(), percent));
    }
    return result;
  }

  /** Busy percentage between two reads of one line, or null when the delta is unusable. */
  private static Double percent(CpuTimes.Ticks then, CpuTimes.Ticks now, long minTicks) {
    long busy = now.busyTicks() - then.busyTicks();
    long idle = now.idleTicks() - then.idleTicks();
    if (busy < 0 || idle < 0 || busy + idle < minTicks) {
      return null;
    }
    return SystemInfoText.roundOneDecimal(100.0 * busy / (busy + idle));
  }
}
