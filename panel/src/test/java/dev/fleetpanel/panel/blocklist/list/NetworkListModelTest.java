package dev.fleetpanel.panel.blocklist.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryText;
import dev.fleetpanel.node.blocklist.SetVersion;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Lists built from random networks and ranges inside a window of {@value #SIZE} addresses, checked
 * against a bitmap of the window: the addresses covered, and the entries, which must be exactly the
 * maximal aligned blocks of the covered set (the minimal CIDR cover, defined without the engine's
 * greedy walk). Windows at the bottom and top of both spaces and across the carry between the two
 * 64-bit halves of IPv6 addresses.
 */
class NetworkListModelTest {

  static final int SIZE = 1024;
  static final int ROUNDS = 150;

  /** A window of addresses starting at (hi, lo); IPv4 when not ipv6 (hi 0). */
  record Window(String name, boolean ipv6, long hi, long lo) {

    /** The address {@code offset} into the window, as (hi, lo). */
    long[] at(long offset) {
      long low = lo + offset;
      long high = Long.compareUnsigned(low, lo) < 0 ? hi + 1 : hi;
      return new long[] {high, low};
    }

    /** Whether a block of 2^bits addresses may start at {@code offset} (aligned). */
    boolean aligned(int offset, int bits) {
      return ((lo + offset) & ((1L << bits) - 1)) == 0;
    }

    String text(int offset, int bits) {
      long[] a = at(offset);
      StringBuilder out = new StringBuilder();
      return (ipv6
              ? EntryText.appendIpv6(out, a[0], a[1], 128 - bits)
              : EntryText.appendIpv4(out, a[1], 32 - bits))
          .toString();
    }
  }

  static final List<Window> WINDOWS =
      List.of(
          new Window("ipv4 public", false, 0, 0x0102_0000L),
          new Window("ipv4 bottom", false, 0, 0),
          new Window("ipv4 top", false, 0, 0xFFFF_FFFFL - SIZE + 1),
          new Window("ipv4 unaligned", false, 0, 0x0505_0500L + 0x80),
          new Window("ipv6 bottom", true, 0, 0),
          new Window("ipv6 top", true, -1L, -SIZE),
          new Window("ipv6 carry", true, 0x2a00_0000_0000_0000L, -SIZE / 2));

  /** Random networks and ranges in the window, added to a builder and to a bitmap. */
  static NetworkList random(Window w, Random random, BitSet model) {
    NetworkListBuilder builder = NetworkList.builder();
    int count = random.nextInt(12);
    for (int i = 0; i < count; i++) {
      if (random.nextInt(3) == 0) {
        int first = random.nextInt(SIZE);
        int last = Math.min(SIZE - 1, first + random.nextInt(random.nextBoolean() ? 8 : SIZE));
        long[] a = w.at(first);
        long[] b = w.at(last);
        if (w.ipv6()) {
          builder.addIpv6Range(a[0], a[1], b[0], b[1]);
        } else {
          builder.addIpv4Range(a[1], b[1]);
        }
        model.set(first, last + 1);
      } else {
        int bits = random.nextInt(random.nextBoolean() ? 3 : 10);
        int offset = random.nextInt(SIZE >> bits) << bits;
        while (!w.aligned(offset, bits)) {
          offset++;
        }
        if (offset + (1 << bits) > SIZE) {
          continue;
        }
        long[] a = w.at(offset);
        if (w.ipv6()) {
          builder.addIpv6(a[0], a[1], 128 - bits);
        } else {
          builder.addIpv4(a[1], 32 - bits);
        }
        model.set(offset, offset + (1 << bits));
      }
    }
    return builder.build();
  }

  /** The maximal aligned blocks of the set, in address order: its minimal CIDR cover. */
  static List<String> cover(Window w, BitSet model) {
    List<int[]> blocks = new ArrayList<>();
    for (int bits = 0; bits <= 10; bits++) {
      for (int offset = 0; offset + (1 << bits) <= SIZE; offset++) {
        if (w.aligned(offset, bits) && full(model, offset, bits)) {
          int parent = offset - (int) ((w.lo() + offset) & (1L << bits));
          boolean parentFull =
              bits < 10
                  && parent >= 0
                  && parent + (2 << bits) <= SIZE
                  && full(model, parent, bits + 1);
          if (!parentFull) {
            blocks.add(new int[] {offset, bits});
          }
        }
      }
    }
    blocks.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<String> texts = new ArrayList<>();
    for (int[] block : blocks) {
      texts.add(w.text(block[0], block[1]));
    }
    return texts;
  }

  static boolean full(BitSet model, int offset, int bits) {
    int clear = model.nextClearBit(offset);
    return clear >= offset + (1 << bits);
  }

  @Test
  void entriesAreTheMinimalCoverOfTheUnion() {
    Random random = new Random(6);
    for (Window w : WINDOWS) {
      for (int round = 0; round < ROUNDS; round++) {
        BitSet model = new BitSet(SIZE);
        NetworkList list = random(w, random, model);
        assertThat(NetworkListTest.entries(list))
            .as("%s, round %d", w.name(), round)
            .isEqualTo(cover(w, model));
        assertThat(list.size()).isEqualTo(cover(w, model).size());
      }
    }
  }

  @Test
  void unionMinusAndDiffAgreeWithSetArithmetic() {
    Random random = new Random(9);
    for (Window w : WINDOWS) {
      for (int round = 0; round < ROUNDS; round++) {
        BitSet a = new BitSet(SIZE);
        BitSet b = new BitSet(SIZE);
        NetworkList from = random(w, random, a);
        NetworkList to = random.nextInt(4) == 0 ? from : random(w, random, b);
        if (to == from) {
          b.or(a);
        }
        BitSet union = (BitSet) a.clone();
        union.or(b);
        BitSet difference = (BitSet) a.clone();
        difference.andNot(b);
        assertThat(NetworkListTest.entries(NetworkList.union(from, to))).isEqualTo(cover(w, union));
        assertThat(NetworkListTest.entries(from.minus(to))).isEqualTo(cover(w, difference));

        NetworkList.Diff diff = NetworkList.diff(from, to);
        Set<String> fromEntries = new HashSet<>(NetworkListTest.entries(from));
        Set<String> toEntries = new HashSet<>(NetworkListTest.entries(to));
        assertThat(NetworkListTest.entries(diff.added()))
            .containsExactlyInAnyOrderElementsOf(minus(toEntries, fromEntries));
        assertThat(NetworkListTest.entries(diff.removed()))
            .containsExactlyInAnyOrderElementsOf(minus(fromEntries, toEntries));
        assertThat(NetworkList.union(from.minus(diff.removed()), diff.added())).isEqualTo(to);
      }
    }
  }

  static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }

  @Test
  void contentHashIsTheSetVersionOfTheEntries() {
    Random random = new Random(10);
    for (int round = 0; round < 100; round++) {
      // Addresses two apart never merge, so the list's entries are the texts given.
      List<String> texts = new ArrayList<>();
      TreeSet<Long> used = new TreeSet<>();
      int count = random.nextInt(200);
      for (int i = 0; i < count; i++) {
        long address = (random.nextInt(1 << 30) & ~1L) + (1L << 30);
        used.add(address);
        texts.add(EntryText.appendIpv4(new StringBuilder(), address, 32).toString());
        if (random.nextInt(10) == 0) {
          texts.add(texts.get(random.nextInt(texts.size())));
        }
        if (random.nextInt(5) == 0) {
          texts.add(
              "2a00:"
                  + Integer.toHexString(random.nextInt(0xFFFF))
                  + "::"
                  + 2 * random.nextInt(1000));
        }
      }
      Collections.shuffle(texts, random);
      NetworkList list = NetworkList.of(texts);
      assertThat(list.contentHash()).isEqualTo(SetVersion.of(texts));
      assertThat(list.contentHash()).isEqualTo(SetVersion.of(NetworkListTest.entries(list)));
    }
  }

  @Test
  void mergedListsHashAsTheirEntries() {
    Random random = new Random(11);
    for (Window w : WINDOWS) {
      BitSet model = new BitSet(SIZE);
      NetworkList list = random(w, random, model);
      assertThat(list.contentHash()).isEqualTo(SetVersion.of(cover(w, model)));
    }
  }

  @Test
  void manyIpv6NetworksInRandomOrderSortAndMerge() {
    Random random = new Random(12);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      texts.add(
          String.format(
              "2a%02x:%x::%x/%d",
              random.nextInt(4), random.nextInt(16), random.nextInt(64), 120 + random.nextInt(9)));
    }
    NetworkList list = NetworkList.of(texts);
    NetworkListBuilder oneByOne = NetworkList.builder();
    for (String text : new TreeSet<>(texts)) {
      oneByOne.add(BlocklistEntry.parse(text));
    }
    assertThat(list).isEqualTo(oneByOne.build());
    List<BlocklistEntry> entries = new ArrayList<>();
    list.forEach(e -> entries.add(BlocklistEntry.parse(e)));
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i - 1).compareTo(entries.get(i))).isNegative();
      assertThat(entries.get(i - 1).overlaps(entries.get(i))).isFalse();
    }
    for (String text : texts) {
      // Covered: adding it changes nothing.
      assertThat(NetworkList.union(list, NetworkList.of(List.of(text)))).as(text).isEqualTo(list);
    }
  }
}
