package dev.fleetpanel.node.prometheus;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric family of the Prometheus text format (version 0.0.4): HELP, TYPE and its sample lines.
 * A family with no samples writes nothing, so an unknown section leaves its metrics out rather than
 * reporting 0. The agent's {@code /metrics} and the panel's fleet-wide {@code /metrics} both write
 * with it.
 */
public final class PromFamily {

  /** The Content-Type of this format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  public static final String GAUGE = "gauge";
  public static final String COUNTER = "counter";

  private final String name;
  private final String type;
  private final String help;
  private final List<String> samples = new ArrayList<>();

  public PromFamily(String name, String type, String help) {
    this.name = name;
    this.type = type;
    this.help = help;
  }

  /** Adds a sample; {@code labels} alternate name and value. */
  public PromFamily add(String value, String... labels) {
    StringBuilder line = new StringBuilder(name);
    if (labels.length > 0) {
      line.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          line.append(',');
        }
        line.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
      }
      line.append('}');
    }
    samples.add(line.append(' ').append(value).toString());
    return this;
  }

  public PromFamily add(long value, String... labels) {
    return add(Long.toString(value), labels);
  }

  public PromFamily addUnsigned(long value, String... labels) {
    return add(Long.toUnsignedString(value), labels);
  }

  public PromFamily add(double value, String... labels) {
    return add(format(value), labels);
  }

  public void writeTo(StringBuilder out) {
    if (samples.isEmpty()) {
      return;
    }
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    samples.forEach(s -> out.append(s).append('\n'));
  }

  /** Label values escape backslash, double quote and line feed, as the format requires. */
  public static String escapeLabel(String value) {
    return (value == null ? "" : value)
        .replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n");
  }

  public static String escapeHelp(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n");
  }

  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
