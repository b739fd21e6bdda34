package dev.fleetpanel.node.agent.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The argument lists and restore lines, as the tools expect them. */
class FirewallCommandsTest {

  private static final IpsetSpec PERMANENT =
      new IpsetSpec("blocklist_permanent", false, 4096, 1_000_000, 0);
  private static final IpsetSpec TEMP_V6 =
      new IpsetSpec("blocklist_temp_v6", true, 4096, 1_000_000, 600);

  @Test
  void ipsetCreatesIdempotentlyWithTheSetsOptions() {
    assertThat(IpsetCommands.create(PERMANENT))
        .containsExactly(
            "ipset",
            "create",
            "blocklist_permanent",
            "hash:net",
            "family",
            "inet",
            "hashsize",
            "4096",
            "maxelem",
            "1000000",
            "-exist");
    assertThat(IpsetCommands.create(TEMP_V6))
        .containsExactly(
            "ipset",
            "create",
            "blocklist_temp_v6",
            "hash:net",
            "family",
            "inet6",
            "hashsize",
            "4096",
            "maxelem",
            "1000000",
            "timeout",
            "600",
            "-exist");
    assertThat(IpsetCommands.restore()).containsExactly("ipset", "restore", "-exist");
    assertThat(IpsetCommands.header("s")).containsExactly("ipset", "list", "-terse", "s");
    assertThat(IpsetCommands.save("s")).containsExactly("ipset", "save", "s");
    assertThat(IpsetCommands.destroy("s")).containsExactly("ipset", "destroy", "s");
  }

  @Test
  void setNamesMustFitTheKernel() {
    assertThatThrownBy(() -> new IpsetSpec("x".repeat(32), false, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IpsetSpec("bad name", false, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PERMANENT.named("blocklist_permanent_new").maxElements()).isEqualTo(1_000_000);
  }

  @Test
  void restoreScriptLines() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new RestoreScript(out)
        .create(TEMP_V6.named("stage"))
        .add("blocklist_temp_v6", "2a0b::/32", 600)
        .add("blocklist_permanent", "11.0.0.1xyz".getBytes(StandardCharsets.US_ASCII), 8, 0)
        .del("blocklist_permanent", "11.0.0.2")
        .flush("a")
        .swap("a", "b")
        .destroy("b")
        .finish();

    assertThat(out.toString(StandardCharsets.US_ASCII))
        .isEqualTo(
            "create stage hash:net family inet6 hashsize 4096 maxelem 1000000 timeout 600\n"
                + "add blocklist_temp_v6 2a0b::/32 timeout 600\n"
                + "add blocklist_permanent 11.0.0.1\n"
                + "del blocklist_permanent 11.0.0.2\n"
                + "flush a\n"
                + "swap a b\n"
                + "destroy b\n");
  }

  @Test
  void iptablesWaitsForTheLockAndChecksBeforeAdding() {
    IptablesCommands v4 = IptablesCommands.of(false);
    IptablesCommands v6 = IptablesCommands.of(true);

    assertThat(v4.checkJump("INPUT", "FLEETPANEL_IN"))
        .containsExactly("iptables", "-w", "5", "-C", "INPUT", "-j", "FLEETPANEL_IN");
    assertThat(v4.insertJump("INPUT", "FLEETPANEL_IN"))
        .containsExactly("iptables", "-w", "5", "-I", "INPUT", "1", "-j", "FLEETPANEL_IN");
    assertThat(v6.appendDrop("FLEETPANEL_OUT", "blocklist_out_temp_v6", "dst"))
        .containsExactly(
            "ip6tables",
            "-w",
            "5",
            "-A",
            "FLEETPANEL_OUT",
            "-m",
            "set",
            "--match-set",
            "blocklist_out_temp_v6",
            "dst",
            "-j",
            "DROP");
    assertThat(v4.checkDrop("FLEETPANEL_IN", "blocklist_permanent", "src"))
        .containsExactly(
            "iptables",
            "-w",
            "5",
            "-C",
            "FLEETPANEL_IN",
            "-m",
            "set",
            "--match-set",
            "blocklist_permanent",
            "src",
            "-j",
            "DROP");
    assertThat(v4.newChain("FLEETPANEL_IN"))
        .containsExactly("iptables", "-w", "5", "-N", "FLEETPANEL_IN");
    assertThat(v6.listChain("FLEETPANEL_IN"))
        .containsExactly("ip6tables", "-w", "5", "-S", "FLEETPANEL_IN");
  }

  @Test
  void conntrackListsAFamilyAndDeletesInOneBatch() {
    assertThat(ConntrackCommands.list(false)).containsExactly("conntrack", "-L", "-f", "ipv4");
    assertThat(ConntrackCommands.list(true)).containsExactly("conntrack", "-L", "-f", "ipv6");
    assertThat(ConntrackCommands.batch()).containsExactly("conntrack", "-R", "/dev/stdin");
    assertThat(ConntrackCommands.deleteSource(false, "11.0.0.0/24"))
        .isEqualTo("-D -f ipv4 -s 11.0.0.0/24");
    assertThat(ConntrackCommands.deleteDestination(true, "2a0b::1"))
        .isEqualTo("-D -f ipv6 -d 2a0b::1");
    assertThat(IpAddrParser.command()).containsExactly("ip", "-o", "addr", "show");
  }
}
