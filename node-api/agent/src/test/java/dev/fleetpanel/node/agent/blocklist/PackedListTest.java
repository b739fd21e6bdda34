package dev.fleetpanel.node.agent.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedListTest {

  @TempDir Path scratch;

  @Test
  void entriesComeOutSortedAndDistinct() {
    PackedList list =
        Lists.of(
            "11.0.0.2", "2a0b::/32", "11.0.0.1", "11.0.0.2/32", "10.0.0.0/8", "2a0b::/32", "::1");

    assertThat(Lists.texts(list))
        .containsExactly("10.0.0.0/8", "11.0.0.1", "11.0.0.2", "::1", "2a0b::/32");
    assertThat(list.ipv4Count()).isEqualTo(3);
    assertThat(list.ipv6Count()).isEqualTo(2);
  }

  /** More than a chunk goes through sorted runs in scratch files; the result is the same. */
  @Test
  void aLargeListSpilledToScratchEqualsTheSortedDistinctList() throws Exception {
    List<String> entries = Lists.random(3 * PackedListBuilder.CHUNK + 123, 5);
    entries.addAll(entries.subList(0, 5000));

    PackedList list = Lists.of(scratch, entries);

    TreeSet<BlocklistEntry> expected = new TreeSet<>();
    entries.forEach(text -> expected.add(BlocklistEntry.parse(text)));
    assertThat(Lists.texts(list))
        .containsExactlyElementsOf(expected.stream().map(BlocklistEntry::canonical).toList());
    try (var left = Files.list(scratch)) {
      assertThat(left).as("scratch files are deleted once mapped").isEmpty();
    }
  }

  @Test
  void withoutScratchAListStaysWithinOneChunk() {
    PackedListBuilder builder = PackedList.builder(Integer.MAX_VALUE, null);
    for (int i = 0; i < PackedListBuilder.CHUNK; i++) {
      builder.addIpv4(0x0B000000L + i, 32);
    }

    assertThatThrownBy(() -> builder.addIpv4(0x0C000000L, 32))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oneEntryPastTheMaximumIsRefused() {
    PackedListBuilder builder = PackedList.builder(2, null);
    builder.addIpv4(1, 32);
    builder.addIpv6(1, 1, 128);

    assertThatThrownBy(() -> builder.addIpv4(2, 32))
        .isInstanceOf(TooManyEntriesException.class)
        .hasMessageContaining("at most 2");
  }

  @Test
  void coversFindsTheNetworkAnAddressIsIn() {
    PackedList list = Lists.of("11.0.0.0/8", "12.1.2.3", "2a0b:fb00::/32", "2a0c::1");

    assertThat(list.coversIpv4(address("11.200.1.1"))).isTrue();
    assertThat(list.coversIpv4(address("12.1.2.3"))).isTrue();
    assertThat(list.coversIpv4(address("12.1.2.4"))).isFalse();
    assertThat(list.coversIpv6(0x2a0b_fb00_0001_0000L, 5)).isTrue();
    assertThat(list.coversIpv6(0x2a0c_0000_0000_0000L, 1)).isTrue();
    assertThat(list.coversIpv6(0x2a0c_0000_0000_0000L, 2)).isFalse();
  }

  @Test
  void containsOnlyTheExactEntry() {
    PackedList list = Lists.of("11.1.0.0/16", "2a0b::1");

    assertThat(list.contains(false, 0, address("11.1.0.0"), 16)).isTrue();
    assertThat(list.contains(false, 0, address("11.1.0.0"), 17)).isFalse();
    assertThat(list.contains(true, 0x2a0b_0000_0000_0000L, 1, 128)).isTrue();
  }

  private static long address(String text) {
    return BlocklistEntry.parse(text).lo();
  }
}
