package dev.fleetpanel.node.agent.metrics;

import static dev.fleetpanel.node.agent.metrics.SystemInfoFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UptimeParserTest {

  @Test
  void readsSecondsSinceBoot() {
    Uptime uptime = UptimeParser.parse(text("system/uptime.txt")).orElseThrow();

    assertThat(uptime.seconds()).isEqualTo(273906.73);
    assertThat(uptime.wholeSeconds()).isEqualTo(273906);
    assertThat(uptime.human()).isEqualTo("3d 4h 5m");
  }

  @Test
  void humanFormLeavesOutZeroUnits() {
    assertThat(new Uptime(86400 + 180).human()).isEqualTo("1d 3m");
    assertThat(new Uptime(2 * 3600).human()).isEqualTo("2h");
    assertThat(new Uptime(40.5).human()).isEqualTo("0m");
    assertThat(new Uptime(400 * 86400.0).human()).isEqualTo("400d");
  }

  @Test
  void emptyAndGarbageInputHaveNoUptime() {
    assertThat(UptimeParser.parse(text("system/empty.txt"))).isEmpty();
    assertThat(UptimeParser.parse(null)).isEmpty();
    assertThat(UptimeParser.parse(text("system/uptime-garbage.txt"))).isEmpty();
    assertThat(UptimeParser.parse("-5.00 1.00\n")).isEmpty();
  }
}
