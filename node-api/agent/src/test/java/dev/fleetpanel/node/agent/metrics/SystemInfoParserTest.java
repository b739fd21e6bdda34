package dev.fleetpanel.node.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemInfoParserTest {

  @Test
  void firstLineIsTrimmed() {
    assertThat(SystemInfoParser.firstLine("node-fra-01\n")).contains("node-fra-01");
    assertThat(SystemInfoParser.firstLine("\n  6.8.0-45-generic  \nextra\n"))
        .contains("6.8.0-45-generic");
    assertThat(SystemInfoParser.firstLine("")).isEmpty();
    assertThat(SystemInfoParser.firstLine(" \n\n")).isEmpty();
    assertThat(SystemInfoParser.firstLine(null)).isEmpty();
  }

  @Test
  void bootIdMustBeAUuid() {
    assertThat(SystemInfoParser.bootId("3F2B9C1E-8D4A-4F6B-9E2D-7C1A5B8E0F42\n"))
        .contains("3f2b9c1e-8d4a-4f6b-9e2d-7c1a5b8e0f42");
    assertThat(SystemInfoParser.bootId("3f2b9c1e-8d4a\n")).isEmpty();
    assertThat(SystemInfoParser.bootId("not a uuid at all, just text\n")).isEmpty();
  }
}
