package dev.fleetpanel.node.agent.blocklist;

import static dev.fleetpanel.node.agent.testing.NetworkNamespaces.NODE_V4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.agent.exec.Command;
import dev.fleetpanel.node.agent.exec.CommandRunner;
import dev.fleetpanel.node.agent.firewall.IpsetSaveParser;
import dev.fleetpanel.node.agent.testing.NetworkNamespaces;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.Refusal;
import dev.fleetpanel.node.blocklist.SetVersion;
import dev.fleetpanel.node.blocklist.SyncResult;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blocklist against real ipset and iptables in a network namespace. */
class BlocklistServiceIT {

  /** Entries whose canonical text is easy to get wrong; the kernel's answer is the reference. */
  private static final List<String> TRICKY =
      List.of(
          "11.9.8.7/32",
          "11.9.8.7/24",
          "12.0.0.0/8",
          "2a0b:fb00:0:0:1::/80",
          "2a0b:0:0:1:0:0:0:1",
          "2a0b:0:0:0:1:0:0:0",
          "2A0B:ABCD::1",
          "2a0b:1:2:3:4:5:6:7/127",
          "2a0b:fb00:0db8:0000:0000:0000:0000:0001/128");

  private static NetworkNamespaces net;
  @TempDir Path state;
  private BlocklistService service;

  @BeforeAll
  static void namespaces() throws Exception {
    NetworkNamespaces.assumeAvailable();
    net = NetworkNamespaces.create("svc");
  }

  @AfterAll
  static void cleanUp() {
    if (net != null) {
      net.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    service = start(state);
    service.clear(Direction.IN, ListKind.PERMANENT);
    service.clear(Direction.IN, ListKind.TEMP);
    service.clear(Direction.OUT, ListKind.PERMANENT);
  }

  @Test
  void aFullSyncLeavesExactlyTheListInTheKernelWithItsVersion() throws Exception {
    SyncResult result = sync(Direction.IN, true, TRICKY);

    TreeSet<BlocklistEntry> expected = new TreeSet<>();
    TRICKY.forEach(text -> expected.add(BlocklistEntry.parse(text)));
    List<String> canonical = expected.stream().map(BlocklistEntry::canonical).toList();
    assertThat(kernel("blocklist_permanent", "blocklist_permanent_v6"))
        .containsExactlyInAnyOrderElementsOf(canonical);
    assertThat(result.version()).isEqualTo(SetVersion.of(TRICKY));
    assertThat(result.total()).isEqualTo(expected.size());
    assertThat(result.added()).isEqualTo(expected.size());
    ListFile.Stored stored =
        ListFile.read(state.resolve("blocklist/in-permanent.bin")).orElseThrow();
    assertThat(texts(stored.entries())).containsExactlyElementsOf(canonical);
    assertThat(stored.version()).isEqualTo(result.version());
  }

  @Test
  void aSecondFullSyncCountsWhatChangedAndLeavesNoStagingSet() throws Exception {
    sync(Direction.IN, true, List.of("11.1.1.1", "11.1.1.2", "11.1.1.3"));

    SyncResult second = sync(Direction.IN, true, List.of("11.1.1.2", "11.1.1.3", "11.1.1.4"));

    assertThat(second.added()).isEqualTo(1);
    assertThat(second.removed()).isEqualTo(1);
    assertThat(kernel("blocklist_permanent"))
        .containsExactlyInAnyOrder("11.1.1.2", "11.1.1.3", "11.1.1.4");
    assertThat(net.inNode("ipset", "list", "-name")).doesNotContain("_new");
  }

  /** A change that changes nothing answers the same version and leaves the list's file alone. */
  @Test
  void aDeltaThatChangesNothingKeepsTheFile() throws Exception {
    SyncResult full = sync(Direction.IN, true, List.of("11.1.1.1", "2a0b:fb00:9::/48"));
    Path file = state.resolve("blocklist/in-permanent.bin");
    Object before = java.nio.file.Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    SyncResult delta =
        syncJson(
            "{\"permanent\":true,\"base_version\":\""
                + full.version()
                + "\",\"add\":[\"11.1.1.1\"],\"remove\":[\"11.9.9.9\"]}");

    assertThat(delta.added()).isZero();
    assertThat(delta.removed()).isZero();
    assertThat(delta.version()).isEqualTo(full.version());
    assertThat(delta.total()).isEqualTo(2);
    assertThat(java.nio.file.Files.readAttributes(file, BasicFileAttributes.class).fileKey())
        .isEqualTo(before);
    assertThat(service.status().directions().get(Direction.IN).permanentVersion())
        .isEqualTo(full.version());
    SyncResult next =
        syncJson(
            "{\"permanent\":true,\"base_version\":\""
                + full.version()
                + "\",\"add\":[\"11.1.1.2\"]}");
    assertThat(next.version())
        .isEqualTo(SetVersion.of(List.of("11.1.1.1", "11.1.1.2", "2a0b:fb00:9::/48")));
  }

  @Test
  void aDeltaAppliesInPlaceAgainstItsBaseVersionOnly() throws Exception {
    SyncResult full = sync(Direction.OUT, true, List.of("11.1.1.1", "11.1.1.2"));

    SyncResult delta =
        syncJson(
            "{\"direction\":\"out\",\"permanent\":true,\"base_version\":\""
                + full.version()
                + "\",\"add\":[\"11.1.1.3\",\"2a0b:fb00:9::/48\"],\"remove\":[\"11.1.1.1\"]}");

    assertThat(delta.mode()).isEqualTo(SyncResult.DELTA);
    assertThat(delta.added()).isEqualTo(2);
    assertThat(delta.removed()).isEqualTo(1);
    assertThat(delta.version())
        .isEqualTo(SetVersion.of(List.of("11.1.1.2", "11.1.1.3", "2a0b:fb00:9::/48")));
    assertThat(kernel("blocklist_out_permanent", "blocklist_out_permanent_v6"))
        .containsExactlyInAnyOrder("11.1.1.2", "11.1.1.3", "2a0b:fb00:9::/48");
    String stale =
        "{\"direction\":\"out\",\"base_version\":\""
            + full.version()
            + "\",\"add\":[\"11.1.1.9\"]}";
    assertThatThrownBy(() -> syncJson(stale))
        .isInstanceOfSatisfying(
            BlocklistException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.version()).isEqualTo(delta.version());
            });
    assertThat(kernel("blocklist_out_permanent")).doesNotContain("11.1.1.9");
  }

  @Test
  void aFullListThatChangesLittleIsAppliedInPlaceAndTheSameListChangesNothing() throws Exception {
    List<String> list = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      list.add("11.2.0." + i);
    }
    SyncResult first = sync(Direction.IN, true, list);
    list.set(0, "11.2.1.0/24");

    SyncResult second = sync(Direction.IN, true, list);
    SyncResult third = sync(Direction.IN, true, list);

    assertThat(second.added()).isEqualTo(1);
    assertThat(second.removed()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(SetVersion.of(list)).isNotEqualTo(first.version());
    assertThat(kernel("blocklist_permanent")).containsExactlyInAnyOrderElementsOf(list);
    assertThat(third.added() + third.removed()).isZero();
    assertThat(third.version()).isEqualTo(second.version());
  }

  @Test
  void aTemporaryFullSyncKeepsTheTimersOfEntriesAlreadyThere() throws Exception {
    add("{\"ip\":\"11.4.0.1\",\"permanent\":false,\"timeout\":900}");

    SyncResult result =
        syncJson("{\"permanent\":false,\"timeout\":30,\"ips\":[\"11.4.0.1\",\"11.4.0.2\"]}");

    assertThat(result.added()).isEqualTo(1);
    assertThat(timeouts("blocklist_temp"))
        .hasEntrySatisfying("11.4.0.1", t -> assertThat(t).isGreaterThan(800))
        .hasEntrySatisfying("11.4.0.2", t -> assertThat(t).isLessThanOrEqualTo(30));
    String version = result.version();
    SyncResult delta =
        syncJson(
            "{\"permanent\":false,\"base_version\":\"" + version + "\",\"remove\":[\"11.4.0.1\"]}");
    assertThat(kernel("blocklist_temp")).containsExactly("11.4.0.2");
    assertThat(delta.version()).isEqualTo(SetVersion.of(List.of("11.4.0.2")));
  }

  /** Past the kernel's longest timeout the agent re-arms an entry until its real expiry. */
  @Test
  void aLongTemporaryEntryIsReArmedWithTheTimeItHasLeft() throws Exception {
    MutableClock clock = new MutableClock();
    BlocklistService timed =
        new BlocklistService(BlocklistConfig.of(state, List.of()), net.nodeRunner(), clock);
    assertThat(timed.start()).isTrue();
    timed.add(
        timed
            .reader(null)
            .read(
                body("{\"ip\":\"11.6.0.1\",\"permanent\":false,\"timeout\":2592000}"),
                null,
                RequestShape.ADD));
    assertThat(timeouts("blocklist_temp").get("11.6.0.1"))
        .isBetween(BlocklistApi.KERNEL_MAX_TIMEOUT - 5, BlocklistApi.KERNEL_MAX_TIMEOUT);

    clock.advance(Duration.ofDays(20));
    timed.rearm();

    assertThat(timeouts("blocklist_temp").get("11.6.0.1")).isBetween(863_990, 864_000);
    assertThat(timed.status().directions().get(Direction.IN).longTemporary()).isEqualTo(1);
    clock.advance(Duration.ofDays(11));
    timed.rearm();
    assertThat(timed.status().directions().get(Direction.IN).longTemporary()).isZero();

    // Made shorter: the short timer is the entry's, and no later re-arm brings the long one back.
    timed.add(
        timed
            .reader(null)
            .read(
                body("{\"ip\":\"11.6.0.2\",\"permanent\":false,\"timeout\":2592000}"),
                null,
                RequestShape.ADD));
    timed.add(
        timed
            .reader(null)
            .read(
                body("{\"ip\":\"11.6.0.2\",\"permanent\":false,\"timeout\":600}"),
                null,
                RequestShape.ADD));
    assertThat(timed.status().directions().get(Direction.IN).longTemporary()).isZero();
    clock.advance(Duration.ofDays(1));
    timed.rearm();
    assertThat(timeouts("blocklist_temp").get("11.6.0.2")).isLessThanOrEqualTo(600);
  }

  @Test
  void nonPublicOwnAndPanelAddressesAreRefusedEntryByEntryWhileTheRestApplies() throws Exception {
    SyncResult result =
        sync(
            Direction.IN,
            true,
            List.of(
                "11.5.5.5", "10.0.0.0/8", "8.0.0.0/6", NODE_V4, "11.0.0.0/24", "11.0.1.5", "junk"));

    assertThat(kernel("blocklist_permanent")).containsExactly("11.5.5.5");
    assertThat(result.refused())
        .extracting(Refusal::ip, Refusal::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.0.0/8", Refusal.NON_PUBLIC),
            org.assertj.core.groups.Tuple.tuple("8.0.0.0/6", Refusal.NON_PUBLIC),
            org.assertj.core.groups.Tuple.tuple(NODE_V4, Refusal.OWN_ADDRESS),
            org.assertj.core.groups.Tuple.tuple("11.0.0.0/24", Refusal.OWN_ADDRESS),
            org.assertj.core.groups.Tuple.tuple("11.0.1.5", Refusal.PANEL_ADDRESS));
    assertThat(result.skippedNonPublic()).isEqualTo(2);
    assertThat(result.invalid()).containsExactly("junk");
  }

  @Test
  void thePanelsAddressIsRefusedInTheOutgoingDirectionToo() throws Exception {
    SyncResult result = sync(Direction.OUT, true, List.of("11.0.1.0/24", "11.6.6.6"));

    assertThat(result.refused()).extracting(Refusal::code).containsExactly(Refusal.PANEL_ADDRESS);
    assertThat(kernel("blocklist_out_permanent")).containsExactly("11.6.6.6");
  }

  @Test
  void theRequestsPeerIsThePanelAndIsRefused() throws Exception {
    BlocklistRequest request =
        service
            .reader(InetAddress.getByName("11.7.7.7"))
            .read(body("{\"ips\":[\"11.7.0.0/16\",\"11.8.8.8\"]}"), null, RequestShape.SYNC);

    SyncResult result = service.sync(request);

    assertThat(result.refused()).extracting(Refusal::code).containsExactly(Refusal.PANEL_ADDRESS);
    assertThat(kernel("blocklist_permanent")).containsExactly("11.8.8.8");
  }

  @Test
  void aTemporaryEntryExpiresByItsTimeout() throws Exception {
    add("{\"ip\":\"11.4.4.4\",\"permanent\":false,\"timeout\":1}");
    assertThat(kernel("blocklist_temp")).containsExactly("11.4.4.4");

    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!kernel("blocklist_temp").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }

    assertThat(kernel("blocklist_temp")).isEmpty();
  }

  @Test
  void afterARebootTheListsComeBackBeforeAnyRequest() throws Exception {
    sync(Direction.IN, true, List.of("11.1.1.1", "2a0b:fb00:7::/48"));
    String longEntry = "{\"ip\":\"11.3.3.3\",\"permanent\":false,\"timeout\":2592000}";
    add(longEntry);

    net.reboot();
    assertThat(net.inNode("ipset", "list", "-name")).isEmpty();
    BlocklistService restarted = start(state);

    assertThat(kernel("blocklist_permanent", "blocklist_permanent_v6"))
        .containsExactlyInAnyOrder("11.1.1.1", "2a0b:fb00:7::/48");
    assertThat(kernel("blocklist_temp")).containsExactly("11.3.3.3");
    assertThat(restarted.status().directions().get(Direction.IN).rulesExist()).isTrue();
  }

  @Test
  void aDamagedListFileIsMovedAsideAndTheKernelsListKept() throws Exception {
    sync(Direction.IN, true, List.of("11.1.1.1"));
    Path file = state.resolve("blocklist/in-permanent.bin");
    java.nio.file.Files.writeString(file, "not a list");

    BlocklistService restarted = start(state);

    assertThat(restarted.status().directions().get(Direction.IN).permanentVersion())
        .isEqualTo(SetVersion.of(List.of("11.1.1.1")));
    try (var files = java.nio.file.Files.list(state.resolve("blocklist"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("in-permanent.bin.damaged-"));
    }
  }

  @Test
  void startingAgainNeverDuplicatesTheRules() throws Exception {
    start(state);
    start(state);

    for (String iptables : List.of("iptables", "ip6tables")) {
      String v6 = iptables.equals("ip6tables") ? "_v6" : "";
      List<String> rules = net.inNode(iptables, "-S").lines().toList();
      for (String expected :
          List.of(
              "-N FLEETPANEL_IN",
              "-N FLEETPANEL_OUT",
              "-A INPUT -j FLEETPANEL_IN",
              "-A OUTPUT -j FLEETPANEL_OUT",
              "-A FLEETPANEL_IN -m set --match-set blocklist_permanent" + v6 + " src -j DROP",
              "-A FLEETPANEL_IN -m set --match-set blocklist_temp" + v6 + " src -j DROP",
              "-A FLEETPANEL_OUT -m set --match-set blocklist_out_permanent" + v6 + " dst -j DROP",
              "-A FLEETPANEL_OUT -m set --match-set blocklist_out_temp" + v6 + " dst -j DROP")) {
        assertThat(rules.stream().filter(expected::equals))
            .as("%s: %s in %s", iptables, expected, rules)
            .hasSize(1);
      }
    }
  }

  @Test
  void aSetFlushedByHandIsRefilledFromTheList() throws Exception {
    sync(Direction.IN, true, List.of("11.1.1.1", "11.1.1.2"));
    net.inNode("ipset", "flush", "blocklist_permanent");

    BlocklistStatus status = service.status();

    assertThat(status.directions().get(Direction.IN).permanentCount()).isEqualTo(2);
    assertThat(kernel("blocklist_permanent")).containsExactlyInAnyOrder("11.1.1.1", "11.1.1.2");
  }

  private BlocklistService start(Path dir) {
    BlocklistService started =
        new BlocklistService(
            BlocklistConfig.of(dir, List.of(BlocklistEntry.parse("11.0.1.5"))),
            net.nodeRunner(),
            Clock.systemUTC());
    assertThat(started.start()).as("%s", started.error()).isTrue();
    return started;
  }

  private SyncResult sync(Direction direction, boolean permanent, List<String> ips)
      throws Exception {
    StringBuilder json = new StringBuilder("{\"direction\":\"" + direction.wire() + "\",");
    json.append("\"permanent\":").append(permanent).append(",\"ips\":[");
    for (int i = 0; i < ips.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(ips.get(i)).append('"');
    }
    return syncJson(json.append("]}").toString());
  }

  private SyncResult syncJson(String json) throws Exception {
    return service.sync(service.reader(null).read(body(json), null, RequestShape.SYNC));
  }

  private SyncResult add(String json) throws Exception {
    return service.add(service.reader(null).read(body(json), null, RequestShape.ADD));
  }

  private static ByteArrayInputStream body(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> texts(PackedList list) {
    List<String> texts = new ArrayList<>();
    EntryCursor entry = list.cursor();
    while (entry.next()) {
      texts.add(Canonical.text(entry, new StringBuilder()).toString());
    }
    return texts;
  }

  /** Members of a temporary set and their remaining timeouts. */
  private static Map<String, Integer> timeouts(String set) throws Exception {
    Map<String, Integer> timeouts = new HashMap<>();
    for (String line : net.inNode("ipset", "save", set).split("\n")) {
      String[] words = line.split(" ");
      if (words.length == 5 && words[0].equals("add") && words[3].equals("timeout")) {
        timeouts.put(words[2], Integer.parseInt(words[4]));
      }
    }
    return timeouts;
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** The members of the sets, as {@code ipset save} prints them. */
  private static List<String> kernel(String... sets) throws Exception {
    CommandRunner runner = net.nodeRunner();
    List<String> members = new ArrayList<>();
    for (String set : sets) {
      runner.run(
          Command.of(Arrays.asList("ipset", "save", set))
              .lines(
                  line -> {
                    String member = IpsetSaveParser.member(line);
                    if (member != null) {
                      members.add(member);
                    }
                  }));
    }
    return members;
  }
}
