package dev.fleetpanel.node.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.agent.metrics.MetricsSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  private record Sample(String name, Map<String, String> labels, String value) {}

  @Test
  void root1FiguresParseBackWithHelpAndTypeForEveryFamily() {
    MetricsFixtures.Sampled sampled = MetricsFixtures.collector(MetricsFixtures.root1());
    sampled.sample();
    String text = new PrometheusText(MetricsFixtures.VERSION).write(sampled.sample());

    List<Sample> samples = parse(text);

    assertThat(value(samples, "fleetpanel_node_load1", Map.of())).isEqualTo("0.52");
    assertThat(value(samples, "fleetpanel_node_cpu_usage_percent", Map.of())).isEqualTo("0");
    assertThat(value(samples, "fleetpanel_node_memory_total_bytes", Map.of()))
        .isEqualTo("16715509760");
    assertThat(
            value(samples, "fleetpanel_node_network_receive_bytes_total", Map.of("device", "eth0")))
        .isEqualTo("987654321012");
    assertThat(
            value(
                samples,
                "fleetpanel_node_filesystem_size_bytes",
                Map.of("device", "/dev/vda1", "mountpoint", "/", "fstype", "ext4")))
        .isEqualTo(Long.toString(100 * MetricsFixtures.GIB));
    assertThat(value(samples, "fleetpanel_node_tcp_connections", Map.of("state", "listen")))
        .isEqualTo("5");
    assertThat(value(samples, "fleetpanel_node_boot_time_seconds", Map.of()))
        .isEqualTo("1767225600");
    assertThat(value(samples, "fleetpanel_node_nf_conntrack_entries_limit", Map.of()))
        .isEqualTo("262144");
  }

  @Test
  void emptySnapshotHasOnlyTheAgentFamilies() {
    String text = new PrometheusText("1.0").write(MetricsSnapshot.empty(MetricsFixtures.NOW));

    assertThat(parse(text))
        .extracting(Sample::name)
        .containsExactly("fleetpanel_node_agent_info", "fleetpanel_node_sample_timestamp_seconds");
  }

  @Test
  void labelValuesEscapeBackslashQuoteAndNewline() {
    String hostile = "a\\b\"c\nd é";
    String text = new PrometheusText(hostile).write(MetricsSnapshot.empty(MetricsFixtures.NOW));

    assertThat(text).contains("fleetpanel_node_agent_info{version=\"a\\\\b\\\"c\\nd é\"} 1\n");
    assertThat(value(parse(text), "fleetpanel_node_agent_info", Map.of("version", hostile)))
        .isEqualTo("1");
  }

  /** Parses the text, checking that every sample follows a HELP and a TYPE line of its family. */
  private static List<Sample> parse(String text) {
    Map<String, String> types = new HashMap<>();
    Map<String, Boolean> helps = new HashMap<>();
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        helps.put(line.split(" ")[2], true);
      } else if (line.startsWith("# TYPE ")) {
        String[] f = line.split(" ");
        assertThat(f[3]).isIn("gauge", "counter");
        types.put(f[2], f[3]);
      } else {
        Matcher m = SAMPLE.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(helps).as("HELP before " + line).containsKey(m.group(1));
        assertThat(types).as("TYPE before " + line).containsKey(m.group(1));
        Double.parseDouble(m.group(3).replace("+Inf", "Infinity"));
        samples.add(new Sample(m.group(1), labels(m.group(2)), m.group(3)));
      }
    }
    return samples;
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null) {
      return labels;
    }
    Matcher m = LABEL.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      labels.put(m.group(1), unescape(m.group(2)));
      end = m.end();
    }
    assertThat(end).as("labels " + text).isEqualTo(text.length());
    return labels;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String value(List<Sample> samples, String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(labels))
        .map(Sample::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + name + labels));
  }
}
