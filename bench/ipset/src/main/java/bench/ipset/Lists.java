package bench.ipset;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.net.NonPublicRanges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic lists shaped like the public blocklists the panel syncs: distinct public IPv4
 * entries, 90% single addresses and 10% networks from /16 to /30, from a fixed seed so every run
 * sends the same bytes.
 */
final class Lists {

  private Lists() {}

  static List<String> ipv4(int size, long seed) {
    Random random = new Random(seed);
    Set<String> seen = new HashSet<>(size * 2);
    List<String> out = new ArrayList<>(size);
    while (out.size() < size) {
      long address = random.nextInt() & 0xFFFF_FFFFL;
      int prefix = random.nextInt(10) == 0 ? 16 + random.nextInt(15) : 32;
      String text =
          (address >>> 24)
              + "."
              + (address >>> 16 & 255)
              + "."
              + (address >>> 8 & 255)
              + "."
              + (address & 255)
              + "/"
              + prefix;
      BlocklistEntry entry = BlocklistEntry.parse(text);
      if (NonPublicRanges.overlap(entry).isEmpty() && seen.add(entry.canonical())) {
        out.add(entry.canonical());
      }
    }
    return out;
  }

  /** {@code list} with {@code changed} entries replaced by new ones. */
  static List<String> changed(List<String> list, int changed, long seed) {
    List<String> fresh = ipv4(list.size() + changed, seed);
    Set<String> old = new HashSet<>(list);
    List<String> out = new ArrayList<>(list.subList(changed, list.size()));
    for (String entry : fresh) {
      if (out.size() == list.size()) {
        break;
      }
      if (!old.contains(entry)) {
        out.add(entry);
      }
    }
    return out;
  }
}
