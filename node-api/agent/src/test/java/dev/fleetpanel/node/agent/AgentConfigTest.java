package dev.fleetpanel.node.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.agent.capability.Access;
import dev.fleetpanel.node.net.Cidr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

  @Test
  void defaultsWithoutFileOrEnvironment() {
    AgentConfig config = AgentConfig.parse(List.of(), Map.of());

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.root()).isEqualTo(Path.of("/"));
    assertThat(config.dir()).isEqualTo(Path.of("/etc/fleetpanel-node"));
    assertThat(config.capabilities().access("haproxy")).isEqualTo(Access.RW);
    assertThat(config.capabilities().access("exec")).isEqualTo(Access.NO);
  }

  @Test
  void fileValuesWithCommentsAndEnvironmentOnTop() {
    List<String> lines =
        List.of(
            "# agent settings",
            "",
            "port = 9200",
            "bind=127.0.0.1",
            "root=/host",
            "capabilities=readonly",
            "capability.exec=rw",
            "capability.firewall=no");

    AgentConfig config =
        AgentConfig.parse(
            lines, Map.of("FLEETPANEL_NODE_PORT", "9300", "FLEETPANEL_NODE_DIR", "/var/lib/fp"));

    assertThat(config.port()).isEqualTo(9300);
    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.root()).isEqualTo(Path.of("/host"));
    assertThat(config.dir()).isEqualTo(Path.of("/var/lib/fp"));
    assertThat(config.capabilities().access("traffic")).isEqualTo(Access.RO);
    assertThat(config.capabilities().access("exec")).isEqualTo(Access.RW);
    assertThat(config.capabilities().access("firewall")).isEqualTo(Access.NO);
  }

  @Test
  void blocklistSettings() {
    AgentConfig defaults = AgentConfig.parse(List.of(), Map.of());
    AgentConfig set =
        AgentConfig.parse(
            List.of("state_dir=/srv/fp", "panel_addresses=11.0.1.5, 2a0b::/48", "blocklist=off"),
            Map.of("FLEETPANEL_NODE_NETNS", "node1"));

    assertThat(defaults.stateDir()).isEqualTo(Path.of("/var/lib/fleetpanel-node"));
    assertThat(defaults.blocklist()).isTrue();
    assertThat(defaults.panelAddresses()).isEmpty();
    assertThat(defaults.netns()).isEmpty();
    assertThat(set.stateDir()).isEqualTo(Path.of("/srv/fp"));
    assertThat(set.blocklist()).isFalse();
    assertThat(set.panelAddresses())
        .extracting(Object::toString)
        .containsExactly("11.0.1.5", "2a0b::/48");
    assertThat(set.netns()).isEqualTo("node1");
    assertThatThrownBy(
            () -> AgentConfig.parse(List.of("panel_addresses=panel.example.com"), Map.of()))
        .hasMessageContaining("panel_addresses");
    assertThatThrownBy(() -> AgentConfig.parse(List.of("blocklist=yes"), Map.of()))
        .hasMessageContaining("on or off");
    assertThatThrownBy(() -> AgentConfig.parse(List.of(), Map.of("FLEETPANEL_NODE_NETNS", "a b")))
        .hasMessageContaining("FLEETPANEL_NODE_NETNS");
  }

  @Test
  void monitoringPresetReadsTrafficOnly() {
    AgentConfig config =
        AgentConfig.parse(List.of(), Map.of("FLEETPANEL_NODE_CAPABILITIES", "monitoring"));

    assertThat(config.capabilities().access("traffic")).isEqualTo(Access.RO);
    assertThat(config.capabilities().access("system")).isEqualTo(Access.NO);
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> AgentConfig.parse(List.of("port=http"), Map.of()))
        .hasMessageContaining("port")
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> AgentConfig.parse(List.of(), Map.of("FLEETPANEL_NODE_PORT", "70000")))
        .hasMessageContaining("FLEETPANEL_NODE_PORT")
        .hasMessageContaining("1-65535");
    assertThatThrownBy(() -> AgentConfig.parse(List.of("capabilities=everything"), Map.of()))
        .hasMessageContaining("capabilities")
        .hasMessageContaining("full, readonly, monitoring");
    assertThatThrownBy(() -> AgentConfig.parse(List.of("capability.exec=yes"), Map.of()))
        .hasMessageContaining("capability.exec")
        .hasMessageContaining("no, ro or rw");
    assertThatThrownBy(() -> AgentConfig.parse(List.of("capability.mail=ro"), Map.of()))
        .hasMessageContaining("capability.mail")
        .hasMessageContaining("unknown domain");
    assertThatThrownBy(() -> AgentConfig.parse(List.of("bind="), Map.of()))
        .hasMessageContaining("bind")
        .hasMessageContaining("empty");
  }

  @Test
  void prometheusListenerIsOffByDefaultAndNeedsAnAllowList() {
    assertThat(AgentConfig.parse(List.of(), Map.of()).metricsPort()).isZero();

    AgentConfig config =
        AgentConfig.parse(
            List.of("metrics_port=9101", "metrics_allow = 10.0.0.5, 192.168.7.0/24 ,"), Map.of());

    assertThat(config.metricsPort()).isEqualTo(9101);
    assertThat(config.metricsAllow())
        .containsExactly(Cidr.parse("10.0.0.5/32"), Cidr.parse("192.168.7.0/24"));
    assertThatThrownBy(() -> AgentConfig.parse(List.of("metrics_port=9101"), Map.of()))
        .hasMessageContaining("metrics_allow")
        .hasMessageContaining("metrics_port is set");
    assertThatThrownBy(
            () ->
                AgentConfig.parse(
                    List.of("metrics_port=9101"),
                    Map.of("FLEETPANEL_NODE_METRICS_ALLOW", "prometheus.lan")))
        .hasMessageContaining("FLEETPANEL_NODE_METRICS_ALLOW")
        .hasMessageContaining("not an IP address");
  }

  @Test
  void unknownKeysAndLinesWithoutEqualsAreRefusedWithTheirLine() {
    assertThatThrownBy(() -> AgentConfig.parse(List.of("# x", "prot=9100"), Map.of()))
        .hasMessage("agent.conf line 2: unknown key 'prot'");
    assertThatThrownBy(() -> AgentConfig.parse(List.of("port"), Map.of()))
        .hasMessageContaining("line 1: expected key=value");
  }

  @Test
  void loadsTheFileNamedByTheEnvironmentAndToleratesAMissingOne(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("agent.conf");
    Files.writeString(file, "port=9444\n");

    assertThat(AgentConfig.load(Map.of("FLEETPANEL_NODE_CONFIG", file.toString())).port())
        .isEqualTo(9444);
    assertThat(
            AgentConfig.load(Map.of("FLEETPANEL_NODE_CONFIG", dir.resolve("none").toString()))
                .port())
        .isEqualTo(9100);
  }
}
