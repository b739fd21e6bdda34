package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.blocklist.Refusal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusalPolicyTest {

  private static final RefusalPolicy POLICY =
      new RefusalPolicy(
          List.of(BlocklistEntry.parse("11.0.0.1"), BlocklistEntry.parse("2a0b:fb00:1::1")),
          List.of(BlocklistEntry.parse("11.9.0.0/16"), BlocklistEntry.parse("2a0b:aaaa::7")));

  @ParameterizedTest
  @CsvSource(
      nullValues = "ok",
      value = {
        "11.5.5.5, ok",
        "11.0.0.2, ok",
        "2a0b:fb00:2::/48, ok",
        "127.0.0.1, non_public",
        "0.0.0.0/0, non_public",
        "8.0.0.0/6, non_public",
        "fe80::1, non_public",
        "::/0, non_public",
        "11.0.0.1, own_address",
        "11.0.0.0/24, own_address",
        "2a0b:fb00::/32, own_address",
        "11.9.200.1, panel_address",
        "11.8.0.0/15, panel_address",
        "2a0b:aaaa::/32, panel_address"
      })
  void refusalsCarryTheirReasonCode(String entry, String code) {
    EntryParser parser = new EntryParser();
    assertThat(parser.parse(entry)).isTrue();

    Refusal refusal = POLICY.check(parser, entry);

    if (code == null) {
      assertThat(refusal).isNull();
    } else {
      assertThat(refusal.code()).isEqualTo(code);
      assertThat(refusal.ip()).isEqualTo(entry);
      assertThat(refusal.reason()).startsWith(code + ": ");
    }
  }
}
