package dev.fleetpanel.panel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void sizesAreBinaryWithOneDecimal() {
    assertThat(Units.bytes(512.0)).isEqualTo("512 B");
    assertThat(Units.bytes(1536.0)).isEqualTo("1.5 KiB");
    assertThat(Units.bytes(16715509760.0)).isEqualTo("15.6 GiB");
    assertThat(Units.rate(1_572_864.0)).isEqualTo("1.5 MiB/s");
  }

  @Test
  void missingFiguresAreNothingNotZero() {
    assertThat(Units.bytes(null)).isNull();
    assertThat(Units.bytes(Double.NaN)).isNull();
    assertThat(Units.rate(Double.NaN)).isNull();
    assertThat(Units.percent(Double.NaN)).isNull();
    assertThat(Units.duration(-1)).isNull();
  }

  @Test
  void durationsShowTheTwoLargestUnits() {
    assertThat(Units.duration(40)).isEqualTo("40s");
    assertThat(Units.duration(12 * 60 + 5)).isEqualTo("12m");
    assertThat(Units.duration(5 * 3600 + 12 * 60)).isEqualTo("5h 12m");
    assertThat(Units.duration(273906)).isEqualTo("3d 4h");
    assertThat(Units.percent(12.345)).isEqualTo("12.3 %");
  }

  @Test
  void decimalsRoundHalfUpLikeTheFormatterWithoutANegativeZero() {
    assertThat(Units.decimals(0.05, 1)).isEqualTo("0.1");
    assertThat(Units.decimals(99.96, 1)).isEqualTo("100.0");
    assertThat(Units.decimals(-0.04, 1)).isEqualTo("0.0");
    assertThat(Units.decimals(-1.26, 1)).isEqualTo("-1.3");
    assertThat(Units.decimals(0.5, 2)).isEqualTo("0.50");
    assertThat(Units.decimals(3.14159, 2)).isEqualTo("3.14");
    assertThat(Units.decimals(12.0, 2)).isEqualTo("12.00");
  }
}
