package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one request array, sorted and distinct, and what was left out of them.
 *
 * @param received the array's length
 * @param invalid the first texts that are not entries ({@code BlocklistApi.INVALID_SHOWN})
 * @param refused the first refused entries ({@code BlocklistApi.REFUSED_SHOWN})
 * @param nonPublic how many of the refused are non-public
 */
record EntryBatch(
    PackedList entries,
    long received,
    List<String> invalid,
    long invalidCount,
    List<Refusal> refused,
    long refusedCount,
    long nonPublic) {

  static final EntryBatch EMPTY =
      new EntryBatch(PackedList.EMPTY, 0, List.of(), 0, List.of(), 0, 0);

  /** What two batches left out, together (their entries are not kept): for a delta's answer. */
  static EntryBatch leftOut(EntryBatch a, EntryBatch b) {
    List<String> invalid = new ArrayList<>(a.invalid());
    invalid.addAll(b.invalid());
    List<Refusal> refused = new ArrayList<>(a.refused());
    refused.addAll(b.refused());
    return new EntryBatch(
        PackedList.EMPTY,
        a.received() + b.received(),
        invalid.subList(0, Math.min(invalid.size(), BlocklistApi.INVALID_SHOWN)),
        a.invalidCount() + b.invalidCount(),
        refused.subList(0, Math.min(refused.size(), BlocklistApi.REFUSED_SHOWN)),
        a.refusedCount() + b.refusedCount(),
        a.nonPublic() + b.nonPublic());
  }
}
