package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.FileSystemStats;
import dev.fleetpanel.node.agent.metrics.MetricsCollector;
import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A collector over a fixture tree with a fixed clock, fake monotonic time and fake statvfs. */
final class MetricsFixtures {

  static final String VERSION = "0.1.0-test";
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final long GIB = 1L << 30;

  /** Every filesystem: 100 GiB, 35 GiB used, 60 GiB free to users (5 GiB reserved for root). */
  static final FileSystemStats SPACE =
      mountPoint -> Optional.of(new FileSystemStats.Space(100 * GIB, 60 * GIB, 65 * GIB));

  private MetricsFixtures() {}

  static Path root1() {
    try {
      return Path.of(MetricsFixtures.class.getResource("/fixtures/root1").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A collector whose monotonic time advances by one second per {@code sampleNow()}. */
  static Sampled collector(Path root) {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    MetricsCollector collector =
        new MetricsCollector(root, CLOCK, Duration.ofSeconds(5), nanos::get, SPACE);
    return new Sampled(collector, nanos);
  }

  record Sampled(MetricsCollector collector, AtomicLong nanos) {
    MetricsSnapshot sample() {
      collector.sampleNow();
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      return collector.snapshot();
    }
  }

  static String json(MetricsSnapshot snapshot) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MetricsJson(VERSION).write(snapshot, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static JsonValue parseValue(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
