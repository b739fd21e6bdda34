package dev.fleetpanel.node.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncBodyWriterTest {

  @Test
  void fullForm() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SyncBodyWriter.writeFull(
        out, Direction.OUT, ListKind.PERMANENT, List.of("1.2.3.4", "2a00::/32"));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"direction\":\"out\",\"permanent\":true,\"ips\":[\"1.2.3.4\",\"2a00::/32\"]}");
  }

  @Test
  void deltaFormEscapesWhatItIsGiven() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SyncBodyWriter.writeDelta(
        out, Direction.IN, ListKind.TEMP, "abc", List.of("a\"b\\c\n"), List.of());

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"direction\":\"in\",\"permanent\":false,\"base_version\":\"abc\","
                + "\"add\":[\"a\\\"b\\\\c\\u000a\"],\"remove\":[]}");
  }

  @Test
  void setNamesFitTheKernelWithTheStagingSuffix() {
    for (Direction direction : Direction.values()) {
      for (ListKind kind : ListKind.values()) {
        assertThat(BlocklistApi.setName(direction, kind, true) + "_new")
            .hasSizeLessThanOrEqualTo(31);
      }
    }
    assertThat(BlocklistApi.setName(Direction.IN, ListKind.PERMANENT, false))
        .isEqualTo("blocklist_permanent");
    assertThat(BlocklistApi.setName(Direction.OUT, ListKind.TEMP, false))
        .isEqualTo("blocklist_out_temp");
    assertThat(BlocklistApi.setName(Direction.OUT, ListKind.PERMANENT, true))
        .isEqualTo("blocklist_out_permanent_v6");
  }
}
