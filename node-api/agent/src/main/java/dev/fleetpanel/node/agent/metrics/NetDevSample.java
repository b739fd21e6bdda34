package dev.fleetpanel.node.agent.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of every interface taken at one moment.
 *
 * @param nanoTime when the sample was taken, from {@link System#nanoTime()}: monotonic, so a
 *     wall-clock change does not distort a rate; only differences between samples mean anything
 * @param counters by interface name
 */
public record NetDevSample(long nanoTime, Map<String, NetDevCounters> counters) {

  public NetDevSample {
    counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
  }

  public static NetDevSample of(long nanoTime, List<NetDevCounters> counters) {
    Map<String, NetDevCounters> byName = new LinkedHashMap<>();
    counters.forEach(c -> byName.putIfAbsent(c.name(), c));
    return new NetDevSample(nanoTime, byName);
  }
}
