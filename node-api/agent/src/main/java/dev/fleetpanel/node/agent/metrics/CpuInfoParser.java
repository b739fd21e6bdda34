package dev.fleetpanel.node.agent.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses {@code /proc/cpuinfo} and the cpufreq sysfs values. Pure: text in, value out.
 *
 * <p>{@code /proc/cpuinfo} is one block of {@code key : value} lines per processor, each starting
 * with {@code processor : N}. Lines without a colon, values that are not numbers where numbers are
 * expected, and keys it does not know are skipped.
 */
public final class CpuInfoParser {
  /** Where architectures put the model, best first: x86/ARM32, MIPS, old ARM32, PowerPC, boards. */
  private static final List<String> MODEL_KEYS =
      List.of("model name", "cpu model", "Processor", "cpu", "Hardware");

  private static final double KHZ_PER_MHZ = 1000.0;

  private CpuInfoParser() {}

  /** Parses the whole file; an unterminated last line (a short read) is ignored. */
  public static Optional<CpuInfo> parse(String text) {
    return parse(SystemInfoText.completeLines(text));
  }

  /** Parses complete lines; empty when no {@code processor : N} line is present. */
  public static Optional<CpuInfo> parse(List<String> lines) {
    Topology topology = new Topology();
    Map<String, String> models = new HashMap<>();
    double mhzSum = 0;
    int mhzCount = 0;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("processor")) {
        topology.processor(value);
      } else if (key.equals("physical id") || key.equals("core id")) {
        topology.id(key, value);
      } else if (key.equals("cpu MHz")) {
        OptionalDouble mhz = SystemInfoText.parseDecimal(value);
        if (mhz.isPresent()) {
          mhzSum += mhz.getAsDouble();
          mhzCount++;
        }
      } else if (MODEL_KEYS.contains(key) && !value.isEmpty()) {
        models.putIfAbsent(key, value);
      }
    }
    if (topology.logical == 0) {
      return Optional.empty();
    }
    OptionalDouble average =
        mhzCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(mhzSum / mhzCount);
    Optional<String> model =
        MODEL_KEYS.stream().map(models::get).filter(Objects::nonNull).findFirst();
    return Optional.of(new CpuInfo(model, topology.logical, topology.physicalCores(), average));
  }

  /** A sysfs cpufreq value (kHz, one number per file) in MHz. */
  public static OptionalDouble parseKhzAsMhz(String text) {
    List<String> lines = text == null ? List.of() : text.lines().toList();
    if (lines.isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalLong khz = SystemInfoText.parseCount(lines.get(0).trim());
    return khz.isPresent() && khz.getAsLong() > 0
        ? OptionalDouble.of(khz.getAsLong() / KHZ_PER_MHZ)
        : OptionalDouble.empty();
  }

  /** Counts processors and the (physical id, core id) pairs seen in their blocks. */
  private static final class Topology {
    private final Set<String> cores = new HashSet<>();
    private int logical;
    private int withBothIds;
    private String physicalId;
    private String coreId;

    void processor(String value) {
      if (SystemInfoText.parseCount(value).isEmpty()) {
        return;
      }
      finishBlock();
      logical++;
    }

    void id(String key, String value) {
      if (logical == 0 || SystemInfoText.parseCount(value).isEmpty()) {
        return;
      }
      if (key.equals("physical id")) {
        physicalId = value;
      } else {
        coreId = value;
      }
    }

    int physicalCores() {
      finishBlock();
      return withBothIds == logical && !cores.isEmpty() ? cores.size() : logical;
    }

    private void finishBlock() {
      if (physicalId != null && coreId != null) {
        cores.add(physicalId + "/" + coreId);
        withBothIds++;
      }
      physicalId = null;
      coreId = null;
    }
  }
}
