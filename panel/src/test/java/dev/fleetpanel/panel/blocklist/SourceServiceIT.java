package dev.fleetpanel.panel.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.blocklist.list.ListParser;
import dev.fleetpanel.panel.blocklist.list.NetworkList;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.persistence.Database;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloaded lists against a local HTTP server (the real ones are not reachable from the test
 * machines): a good copy kept and applied, a failed download that keeps it, a list never downloaded
 * that applies nothing, the size limits, and the seed's two defaults. On H2.
 */
class SourceServiceIT {
  private static final Actor ADMIN = new Actor("admin", "192.0.2.1");
  @TempDir Path data;

  private TestDatabase db;
  private Database database;
  private SourceService sources;
  private HttpServer web;
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final AtomicInteger changes = new AtomicInteger();

  @BeforeEach
  void open() throws IOException {
    db = TestDatabase.h2();
    database = Database.open(db.config(data, Map.of()));
    sources = service();
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    web.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                body == null ? 500 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              exchange.getResponseBody().write(bytes);
            }
          }
        });
    web.start();
  }

  /** The service as the panel makes it at start, on this test's database and data directory. */
  private SourceService service() {
    Tx tx = new Tx(database.entityManagerFactory());
    Clock clock = Clock.systemUTC();
    return new SourceService(
        tx,
        new AuditService(tx, clock),
        new SourceFetcher(new ListParser.Limits(1000, 64 * 1024), Duration.ofMinutes(1)),
        data,
        clock,
        changes::incrementAndGet);
  }

  @AfterEach
  void close() {
    web.stop(0);
    database.close();
    db.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + web.getAddress().getPort() + path;
  }

  @Test
  void theSeedsTwoListsArePresentEnabledAndNeverDownloaded() {
    List<BlocklistSource> defaults = sources.sources();

    assertThat(defaults)
        .extracting(BlocklistSource::name)
        .containsExactly("AntiScanner", "Government Networks");
    assertThat(defaults)
        .allSatisfy(
            s -> {
              assertThat(s.enabled()).isTrue();
              assertThat(s.builtIn()).isTrue();
              assertThat(s.hasCopy()).isFalse();
              assertThat(s.direction()).isEqualTo(Direction.IN);
              assertThat(s.url())
                  .startsWith(
                      "https://raw.githubusercontent.com/shadow-netlab/traffic-guard-lists/");
            });
    assertThat(sources.copies(Direction.IN)).as("nothing to apply yet").isEmpty();
  }

  @Test
  void aGoodCopyIsKeptAndAppliedAndAFailedDownloadKeepsIt() throws IOException {
    files.put(
        "/scanners.list",
        "# scanners\n22.0.0.1\n22.0.0.0/24 ; covers it\n\ngarbage here\n10.0.0.0/8\n2a01:4f8::/32\n");
    long id = sources.add("Scanners", url("/scanners.list"), Direction.IN, ADMIN).id();

    SourceService.Refresh first = sources.refresh(id, ADMIN);
    BlocklistSource ok = sources.get(id);

    assertThat(first.ok()).isTrue();
    assertThat(ok.entryCount()).isEqualTo(2);
    assertThat(ok.garbageCount()).isEqualTo(1);
    assertThat(ok.refusedCount()).as("10/8 is private").isEqualTo(1);
    assertThat(ok.checksum()).hasSize(64);
    assertThat(sources.copies(Direction.IN).get(id).canonical())
        .containsExactly("22.0.0.0/24", "2a01:4f8::/32");
    assertThat(Files.exists(data.resolve("blocklist/sources/" + id + ".list"))).isTrue();
    int changesAfterFirst = changes.get();
    assertThat(changesAfterFirst).isPositive();

    files.remove("/scanners.list");
    SourceService.Refresh failed = sources.refresh(id, ADMIN);
    BlocklistSource stale = sources.get(id);

    assertThat(failed.ok()).isFalse();
    assertThat(failed.error()).isEqualTo("the server answered 500");
    assertThat(stale.lastError()).isEqualTo("the server answered 500");
    assertThat(stale.lastSuccessAt()).isEqualTo(ok.lastSuccessAt());
    assertThat(stale.entryCount()).isEqualTo(2);
    assertThat(sources.copies(Direction.IN).get(id).canonical())
        .containsExactly("22.0.0.0/24", "2a01:4f8::/32");
    assertThat(changes.get()).as("nothing changed for the nodes").isEqualTo(changesAfterFirst);
  }

  @Test
  void aGoodCopyThatCannotBeReadBackAfterARestartHoldsTheListsUntilItIsDownloadedAgain()
      throws IOException {
    sources.sources().forEach(s -> sources.setEnabled(s.id(), false, ADMIN));
    files.put("/a.list", "24.0.0.1\n24.0.0.9\n");
    long id = sources.add("A", url("/a.list"), Direction.IN, ADMIN).id();
    assertThat(sources.refresh(id, ADMIN).ok()).isTrue();
    Path copy = data.resolve("blocklist/sources/" + id + ".list");
    byte[] bytes = Files.readAllBytes(copy);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(copy, bytes);

    SourceService restarted = service();

    assertThatThrownBy(() -> restarted.copies(Direction.IN))
        .isInstanceOf(SourceService.CopyUnreadableException.class)
        .hasMessageStartingWith("A: the stored copy cannot be read");
    BlocklistSource lost = restarted.get(id);
    assertThat(lost.lastError()).contains("the nodes keep what they have");
    assertThat(lost.lastAttemptAt()).as("due for the timer at once").isNull();
    assertThat(restarted.copies(Direction.OUT)).as("the other direction is not held").isEmpty();

    restarted.refreshDue(Duration.ofHours(24), ADMIN);
    assertThat(restarted.copies(Direction.IN).get(id).canonical())
        .containsExactly("24.0.0.1", "24.0.0.9");
    assertThat(restarted.get(id).lastError()).isNull();
  }

  @Test
  void aListOverItsLimitsIsRefusedAndOneNeverDownloadedAppliesNothing() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      // Addresses two apart: nothing merges, so 1,500 entries stay 1,500 (the limit here is 1,000).
      big.append("23.0.").append(i / 100).append('.').append(i % 100 * 2).append('\n');
    }
    files.put("/big.list", big.toString());
    long id = sources.add("Big", url("/big.list"), Direction.OUT, ADMIN).id();
    long unreachable = sources.add("Gone", url("/nothing-here"), Direction.OUT, ADMIN).id();

    SourceService.Refresh tooLarge = sources.refresh(id, ADMIN);
    SourceService.Refresh never = sources.refresh(unreachable, ADMIN);

    assertThat(tooLarge.ok()).isFalse();
    assertThat(tooLarge.error()).isEqualTo("the list has more than 1,000 entries after merging");
    assertThat(never.ok()).isFalse();
    assertThat(sources.copies(Direction.OUT)).isEmpty();
  }

  @Test
  void urlsMustBeHttpAndUniqueAndDueListsAreRefreshedOnTheirOwn() {
    files.put("/a.list", "24.0.0.1\n");
    long id = sources.add("A", url("/a.list"), Direction.IN, ADMIN).id();

    assertThatThrownBy(() -> sources.add("B", "ftp://example.org/x", Direction.IN, ADMIN))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> sources.add("C", url("/a.list"), Direction.IN, ADMIN))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> sources.add(" ", url("/b.list"), Direction.IN, ADMIN))
        .isInstanceOf(InvalidInputException.class);

    sources.sources().stream()
        .filter(BlocklistSource::builtIn)
        .forEach(s -> sources.setEnabled(s.id(), false, ADMIN));
    sources.refreshDue(Duration.ofHours(24), ADMIN);
    assertThat(sources.get(id).hasCopy()).isTrue();
    var attempted = sources.get(id).lastAttemptAt();
    sources.refreshDue(Duration.ofHours(24), ADMIN);
    assertThat(sources.get(id).lastAttemptAt()).as("not due again yet").isEqualTo(attempted);

    NetworkList before = sources.copies(Direction.IN).get(id);
    sources.delete(id, ADMIN);
    assertThat(sources.copies(Direction.IN)).isEmpty();
    assertThat(before.size()).isEqualTo(1);
    assertThat(Files.exists(data.resolve("blocklist/sources/" + id + ".list"))).isFalse();
  }
}
