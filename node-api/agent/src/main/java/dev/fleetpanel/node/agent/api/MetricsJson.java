package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link MetricsSnapshot} as the seed's {@code /api/metrics} document (seed §2.3), with
 * the seed's field names and units: sizes and counters in bytes, rates in bytes per second,
 * percentages 0..100, frequencies in MHz. A null section is written as JSON {@code null}, as is a
 * single unknown value.
 *
 * <p>{@code timestamp} and {@code system.boot_time} are UTC ISO-8601 instants (e.g. {@code
 * 2026-01-01T12:00:00Z}); the seed wrote node-local time, which the panel cannot turn into exact
 * rates across nodes in different zones. The seed's {@code server_name}, {@code timezone}, {@code
 * temperatures}, interface {@code addresses}, {@code open_files}, {@code certificates} and the
 * HEAD-only {@code antiddos}, {@code live_rates} and {@code capabilities} are not written (yet).
 */
public final class MetricsJson {

  /** The sections served at {@code /api/metrics/{section}}, as in seed §2.2. */
  public static final List<String> SECTIONS =
      List.of("cpu", "memory", "disk", "network", "processes");

  private final String agentVersion;
  private final JsonGeneratorFactory generators;

  public MetricsJson(String agentVersion) {
    this(agentVersion, false);
  }

  /** {@code pretty} indents the output, for people and golden files. */
  public MetricsJson(String agentVersion, boolean pretty) {
    this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
    this.generators =
        Json.createGeneratorFactory(
            pretty ? Map.of(JsonGenerator.PRETTY_PRINTING, true) : Map.of());
  }

  /** Writes the whole document, UTF-8. */
  public void write(MetricsSnapshot snapshot, OutputStream out) {
    try (JsonGenerator g = generators.createGenerator(out)) {
      g.writeStartObject();
      g.write("timestamp", snapshot.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
      section(g, "cpu", snapshot);
      section(g, "memory", snapshot);
      section(g, "disk", snapshot);
      section(g, "network", snapshot);
      section(g, "processes", snapshot);
      section(g, "system", snapshot);
      g.write("agent_version", agentVersion);
      g.writeEnd();
    }
  }

  /**
   * Writes one section as a document of its own, as the seed's {@code /api/metrics/cpu} and the
   * others return the bare sub-object: JSON {@code null} when the section is unknown.
   *
   * @throws IllegalArgumentException when {@code section} is not one of {@link #SECTIONS}
   */
  public void writeSection(String section, MetricsSnapshot snapshot, OutputStream out) {
    if (!SECTIONS.contains(section)) {
      throw new IllegalArgumentException("unknown metrics section: " + section);
    }
    try (JsonGenerator g = generators.createGenerator(out)) {
      JsonWriting w = new JsonWriting(g);
      switch (section) {
        case "cpu" -> SectionJson.cpu(w, null, snapshot.cpu());
        case "memory" -> SectionJson.memory(w, null, snapshot.memory());
        case "disk" -> SectionJson.disk(w, null, snapshot.disk());
        case "network" -> SectionJson.network(w, null, snapshot.network());
        default -> SectionJson.processes(w, null, snapshot.processes());
      }
    }
  }

  private static void section(JsonGenerator g, String name, MetricsSnapshot s) {
    JsonWriting w = new JsonWriting(g);
    switch (name) {
      case "cpu" -> SectionJson.cpu(w, name, s.cpu());
      case "memory" -> SectionJson.memory(w, name, s.memory());
      case "disk" -> SectionJson.disk(w, name, s.disk());
      case "network" -> SectionJson.network(w, name, s.network());
      case "processes" -> SectionJson.processes(w, name, s.processes());
      default -> SystemJson.system(w, name, s.system());
    }
  }
}
