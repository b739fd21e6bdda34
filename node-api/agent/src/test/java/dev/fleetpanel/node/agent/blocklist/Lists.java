package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Packed lists for tests, from text or at random. */
final class Lists {

  private Lists() {}

  static PackedList of(String... entries) {
    return of(null, List.of(entries));
  }

  static PackedList of(Path scratch, List<String> entries) {
    PackedListBuilder builder = PackedList.builder(Integer.MAX_VALUE, scratch);
    EntryParser parser = new EntryParser();
    for (String entry : entries) {
      if (!parser.parse(entry)) {
        throw new IllegalArgumentException(entry);
      }
      if (parser.ipv6()) {
        builder.addIpv6(parser.hi(), parser.lo(), parser.prefix());
      } else {
        builder.addIpv4(parser.lo(), parser.prefix());
      }
    }
    return builder.build();
  }

  static List<String> texts(PackedList list) {
    List<String> texts = new ArrayList<>();
    EntryCursor entry = list.cursor();
    while (entry.next()) {
      texts.add(Canonical.text(entry, new StringBuilder()).toString());
    }
    return texts;
  }

  /** {@code n} random entries of both families, duplicates likely among the IPv6 ones. */
  static List<String> random(int n, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        long hi = 0x2a0b_0000_0000_0000L | (random.nextInt(64) & 0xFFFFL) << 32;
        int prefix = 16 + random.nextInt(113);
        out.add(BlocklistEntry.parse(ipv6(hi, random.nextInt(1 << 10)) + "/" + prefix).canonical());
      } else {
        long address = random.nextInt() & 0xFFFF_FFFFL;
        int prefix = random.nextBoolean() ? 32 : 8 + random.nextInt(25);
        out.add(
            BlocklistEntry.parse(
                    (address >>> 24)
                        + "."
                        + (address >>> 16 & 255)
                        + "."
                        + (address >>> 8 & 255)
                        + "."
                        + (address & 255)
                        + "/"
                        + prefix)
                .canonical());
      }
    }
    return out;
  }

  private static String ipv6(long hi, long lo) {
    StringBuilder out = new StringBuilder();
    for (int i = 3; i >= 0; i--) {
      out.append(Long.toHexString(hi >>> (16 * i) & 0xFFFF)).append(':');
    }
    return out.append(":").append(Long.toHexString(lo)).toString();
  }
}
