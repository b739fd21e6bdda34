package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.blocklist.Refusal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the texts of a request array one by one as the body is parsed, keeping only the packed
 * entries and the first few invalid and refused texts, so a list of a million never becomes a
 * million strings.
 */
final class EntryCollector {

  private final EntryParser parser = new EntryParser();
  private final PackedListBuilder entries;
  private final RefusalPolicy policy;
  private final List<String> invalid = new ArrayList<>();
  private final List<Refusal> refused = new ArrayList<>();
  private long received;
  private long invalidCount;
  private long refusedCount;
  private long nonPublic;

  /**
   * @param policy what to refuse; null when the entries are to be removed, not blocked
   * @param scratch where a large list is sorted; null for a list of one
   */
  EntryCollector(int maxEntries, RefusalPolicy policy, Path scratch) {
    this.entries = PackedList.builder(maxEntries, scratch);
    this.policy = policy;
  }

  /**
   * @throws TooManyEntriesException past the maximum
   */
  void offer(String text) {
    received++;
    if (!parser.parse(text)) {
      if (invalid.size() < BlocklistApi.INVALID_SHOWN) {
        invalid.add(text.length() > 100 ? text.substring(0, 100) + "..." : text);
      }
      invalidCount++;
      return;
    }
    Refusal refusal = policy == null ? null : policy.check(parser, text);
    if (refusal != null) {
      if (refused.size() < BlocklistApi.REFUSED_SHOWN) {
        refused.add(refusal);
      }
      refusedCount++;
      if (refusal.code().equals(Refusal.NON_PUBLIC)) {
        nonPublic++;
      }
      return;
    }
    if (parser.ipv6()) {
      entries.addIpv6(parser.hi(), parser.lo(), parser.prefix());
    } else {
      entries.addIpv4(parser.lo(), parser.prefix());
    }
  }

  EntryBatch finish() {
    return new EntryBatch(
        entries.build(), received, invalid, invalidCount, refused, refusedCount, nonPublic);
  }
}
