package dev.fleetpanel.node.blocklist;

import java.util.List;

/**
 * The answer of {@code POST /api/ipset/sync} (200): {@code {success, message, mode, list,
 * direction, version, total, added, removed, invalid, invalid_count, refused, refused_count,
 * skipped_non_public, connections_cut}}; the other changes answer with the same record.
 *
 * @param mode {@code full} (the list replaced) or {@code delta} (changed in place)
 * @param version the list's version after the sync ({@link SetVersion})
 * @param total entries the list holds afterwards
 * @param added entries that were not there before
 * @param removed entries that are gone
 * @param invalid the first {@link BlocklistApi#INVALID_SHOWN} texts that are not entries
 * @param invalidCount all of them
 * @param refused the first {@link BlocklistApi#REFUSED_SHOWN} refused entries
 * @param refusedCount all of them
 * @param skippedNonPublic the refused entries that are, contain or overlap a non-public range
 * @param received how many entries the request carried (its {@code ips}, or {@code add} and {@code
 *     remove} together)
 * @param connectionsCut addresses whose tracked connections were deleted because they are now
 *     blocked; -1 when that failed (the change itself was applied)
 */
public record SyncResult(
    boolean success,
    String message,
    String mode,
    ListKind list,
    Direction direction,
    String version,
    long total,
    long added,
    long removed,
    List<String> invalid,
    long invalidCount,
    List<Refusal> refused,
    long refusedCount,
    long skippedNonPublic,
    long received,
    int connectionsCut) {

  public static final String FULL = "full";
  public static final String DELTA = "delta";

  public SyncResult {
    invalid = List.copyOf(invalid);
    refused = List.copyOf(refused);
  }
}
