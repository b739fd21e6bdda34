package dev.fleetpanel.panel.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server's history over a range, as the history API answers it.
 *
 * @param source raw, hourly or daily
 * @param stepSeconds the width each point stands for (samples averaged within it)
 * @param points oldest first; each maps a {@link MetricColumn#json()} name (and {@code max_} +
 *     name) to its value, plus {@code timestamp}
 * @param gaps stretches without data: {@code node} (the panel ran but had no sample from the node)
 *     or {@code panel} (the panel itself was not running)
 */
public record History(
    String period,
    String source,
    Instant from,
    Instant to,
    long stepSeconds,
    List<Map<String, Object>> points,
    List<Gap> gaps) {

  public record Gap(Instant from, Instant to, String kind) {}
}
