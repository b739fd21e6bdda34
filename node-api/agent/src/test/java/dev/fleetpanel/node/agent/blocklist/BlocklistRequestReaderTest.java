package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies as the agent reads them, before anything changes. */
class BlocklistRequestReaderTest {

  private static final int MAX = 1000;

  @TempDir Path scratch;

  private BlocklistRequestReader reader() {
    return new BlocklistRequestReader(
        new RefusalPolicy(
            List.of(BlocklistEntry.parse("11.0.0.1")), List.of(BlocklistEntry.parse("11.0.1.5"))),
        MAX,
        scratch);
  }

  private BlocklistRequest read(String json, RequestShape shape) throws BlocklistException {
    return reader().read(body(json), null, shape);
  }

  @Test
  void aFullSyncWithEveryKindOfEntry() throws Exception {
    BlocklistRequest request =
        read(
            "{\"ips\":[\"11.5.5.5\",\"junk\",\"10.0.0.0/8\",\"11.0.0.1\",\"11.0.1.0/24\","
                + "\"2a0b::/32\",\"11.5.5.5/32\"],\"permanent\":false,\"direction\":\"out\","
                + "\"timeout\":60,\"comment\":{\"ignored\":[1,2]}}",
            RequestShape.SYNC);

    assertThat(request.direction()).isEqualTo(Direction.OUT);
    assertThat(request.list()).isEqualTo(ListKind.TEMP);
    assertThat(request.timeout).isEqualTo(60);
    assertThat(request.delta()).isFalse();
    assertThat(Lists.texts(request.entries.entries())).containsExactly("11.5.5.5", "2a0b::/32");
    assertThat(request.entries.received()).isEqualTo(7);
    assertThat(request.entries.invalid()).containsExactly("junk");
    assertThat(request.entries.refused())
        .extracting(Refusal::code)
        .containsExactly(Refusal.NON_PUBLIC, Refusal.OWN_ADDRESS, Refusal.PANEL_ADDRESS);
    assertThat(request.entries.nonPublic()).isEqualTo(1);
  }

  @Test
  void defaultsAreTheSeeds() throws Exception {
    BlocklistRequest request = read("{\"ips\":[]}", RequestShape.SYNC);

    assertThat(request.direction()).isEqualTo(Direction.IN);
    assertThat(request.list()).isEqualTo(ListKind.PERMANENT);
    assertThat(request.timeout).isZero();
  }

  @Test
  void aDeltaNeedsItsBaseVersionAndRemovalsAreNotChecked() throws Exception {
    BlocklistRequest request =
        read(
            "{\"base_version\":\"abc\",\"add\":[\"11.2.2.2\",\"127.0.0.1\"],\"remove\":[\"10.1.1.1\"]}",
            RequestShape.SYNC);

    assertThat(request.delta()).isTrue();
    assertThat(Lists.texts(request.additions.entries())).containsExactly("11.2.2.2");
    assertThat(request.additions.refusedCount()).isEqualTo(1);
    assertThat(Lists.texts(request.removals.entries())).containsExactly("10.1.1.1");
    assertThat(request.received()).isEqualTo(3);
    assertThat(status(() -> read("{\"add\":[\"11.2.2.2\"]}", RequestShape.SYNC))).isEqualTo(422);
    assertThat(status(() -> read("{\"ips\":[],\"base_version\":\"x\"}", RequestShape.SYNC)))
        .isEqualTo(422);
    assertThat(status(() -> read("{\"permanent\":true}", RequestShape.SYNC))).isEqualTo(422);
  }

  @Test
  void bulkRemovalEntriesAreNotRefused() throws Exception {
    BlocklistRequest request = read("{\"ips\":[\"127.0.0.1\"]}", RequestShape.BULK_REMOVE);

    assertThat(Lists.texts(request.entries.entries())).containsExactly("127.0.0.1");
  }

  @Test
  void aSingleAddIsCheckedAndCanonical() throws Exception {
    assertThat(read("{\"ip\":\"11.9.9.9/24\"}", RequestShape.ADD).ip()).isEqualTo("11.9.9.0/24");
    assertThat(status(() -> read("{\"ip\":\"nope\"}", RequestShape.ADD))).isEqualTo(422);
    assertThatThrownBy(() -> read("{\"ip\":\"11.0.1.5\"}", RequestShape.ADD))
        .hasMessageContaining("panel_address");
    assertThat(read("{\"ip\":\"192.168.1.1\"}", RequestShape.REMOVE).ip()).isEqualTo("192.168.1.1");
    assertThat(status(() -> read("{}", RequestShape.ADD))).isEqualTo(422);
  }

  @Test
  void gzipBodiesAreInflatedAsTheyAreRead() throws Exception {
    BlocklistRequest request =
        reader()
            .read(
                new ByteArrayInputStream(gzip("{\"ips\":[\"11.1.1.1\"]}")),
                "gzip",
                RequestShape.SYNC);

    assertThat(Lists.texts(request.entries.entries())).containsExactly("11.1.1.1");
  }

  /**
   * Invalid entries do not count toward the entry limit and each is a short token, so only the
   * limit on what the body inflates to can stop this one.
   */
  @Test
  void aGzipBombStopsAtTheLimit() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      gzip.write("{\"ips\":[\"x\"".getBytes(StandardCharsets.US_ASCII));
      byte[] entries = ",\"x\"".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written <= BlocklistApi.maxBodyBytes(MAX); written += entries.length) {
        gzip.write(entries);
      }
      gzip.write("]}".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat((long) bomb.size()).isLessThan(BlocklistApi.maxBodyBytes(MAX));

    assertThatThrownBy(
            () ->
                reader()
                    .read(new ByteArrayInputStream(bomb.toByteArray()), "gzip", RequestShape.SYNC))
        .isInstanceOfSatisfying(
            BlocklistException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("larger than");
  }

  /** The parser would hold a whole string in memory: one of 50 MB must not reach it. */
  @Test
  void aStringLongerThanAnyFieldNeedsIs413() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      gzip.write("{\"ips\":[\"".getBytes(StandardCharsets.US_ASCII));
      gzip.write("1".repeat(TokenLimit.MAX_TOKEN + 1).getBytes(StandardCharsets.US_ASCII));
    }
    BlocklistRequestReader large =
        new BlocklistRequestReader(RefusalPolicy.NON_PUBLIC_ONLY, 1_000_000, scratch);

    assertThatThrownBy(
            () ->
                large.read(new ByteArrayInputStream(bomb.toByteArray()), "gzip", RequestShape.SYNC))
        .isInstanceOfSatisfying(
            BlocklistException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("longer than");
  }

  /** Short invalid entries: neither the entry limit nor the token limit can stop this body. */
  @Test
  void anUncompressedBodyOverTheLimitIs413() {
    String huge =
        "{\"ips\":[\"x\"" + ",\"x\"".repeat((int) (BlocklistApi.maxBodyBytes(MAX) / 4) + 1) + "]}";

    assertThatThrownBy(() -> read(huge, RequestShape.SYNC))
        .isInstanceOfSatisfying(
            BlocklistException.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("larger than");
  }

  @Test
  void moreEntriesThanASetHoldsIs413() {
    StringBuilder json = new StringBuilder("{\"ips\":[");
    for (int i = 0; i <= MAX; i++) {
      json.append(i == 0 ? "" : ",")
          .append("\"12.0.")
          .append(i >> 8)
          .append('.')
          .append(i & 255)
          .append('"');
    }

    assertThat(status(() -> read(json.append("]}").toString(), RequestShape.SYNC))).isEqualTo(413);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"ips\":[\"1.2.3.4\"|400",
        "[1,2]|400",
        "{\"ips\":[]} trailing|400",
        "''|400",
        "{\"ips\":[1]}|422",
        "{\"ips\":\"1.2.3.4\"}|422",
        "{\"ips\":[[\"1.2.3.4\"]]}|422",
        "{\"ips\":[],\"ips\":[]}|422",
        "{\"ips\":[],\"direction\":\"sideways\"}|422",
        "{\"ips\":[],\"permanent\":\"yes\"}|422",
        "{\"ips\":[],\"timeout\":0}|422",
        "{\"ips\":[],\"timeout\":2592001}|422",
        "{\"ips\":[],\"timeout\":1.5}|422",
        "{\"ips\":[],\"timeout\":\"60\"}|422"
      })
  void badBodiesGetClearErrors(String json, int status) {
    assertThat(status(() -> read(json, RequestShape.SYNC))).isEqualTo(status);
  }

  @Test
  void anUnknownEncodingIs415() {
    assertThat(status(() -> reader().read(body("{}"), "br", RequestShape.SYNC))).isEqualTo(415);
    assertThat(status(() -> reader().read(body("not gzip"), "gzip", RequestShape.SYNC)))
        .isEqualTo(400);
  }

  @Test
  void theTimeoutBodyNeedsItsTimeout() throws Exception {
    assertThat(read("{\"timeout\":2592000}", RequestShape.TIMEOUT).timeout).isEqualTo(2_592_000);
    assertThat(status(() -> read("{}", RequestShape.TIMEOUT))).isEqualTo(422);
  }

  @FunctionalInterface
  private interface Read {
    BlocklistRequest run() throws BlocklistException;
  }

  private static int status(Read read) {
    try {
      read.run();
      return 200;
    } catch (BlocklistException e) {
      return e.status();
    }
  }

  private static InputStream body(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] gzip(String json) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
