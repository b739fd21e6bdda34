package dev.fleetpanel.node.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromFamilyTest {

  private static String write(PromFamily family) {
    StringBuilder out = new StringBuilder();
    family.writeTo(out);
    return out.toString();
  }

  @Test
  void aFamilyWritesHelpTypeAndSamplesWithEscapedLabels() {
    PromFamily f =
        new PromFamily("x_bytes", PromFamily.GAUGE, "Help with \\ and\nnewline.")
            .add(1.5, "server", "a\"b\\c\nd")
            .add(3, "server", "plain");

    assertThat(write(f))
        .isEqualTo(
            "# HELP x_bytes Help with \\\\ and\\nnewline.\n"
                + "# TYPE x_bytes gauge\n"
                + "x_bytes{server=\"a\\\"b\\\\c\\nd\"} 1.5\n"
                + "x_bytes{server=\"plain\"} 3\n");
  }

  @Test
  void anEmptyFamilyWritesNothingAndSpecialValuesUseTheFormatsWords() {
    assertThat(write(new PromFamily("y", PromFamily.COUNTER, "h"))).isEmpty();
    assertThat(PromFamily.format(Double.NaN)).isEqualTo("NaN");
    assertThat(PromFamily.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PromFamily.format(6.6e9)).isEqualTo("6600000000");
    assertThat(PromFamily.format(0.25)).isEqualTo("0.25");
  }
}
