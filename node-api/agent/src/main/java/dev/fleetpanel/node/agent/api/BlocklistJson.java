package dev.fleetpanel.node.agent.api;

import dev.fleetpanel.node.agent.blocklist.BlocklistException;
import dev.fleetpanel.node.agent.blocklist.BlocklistStatus;
import dev.fleetpanel.node.agent.blocklist.ListContent;
import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.Refusal;
import dev.fleetpanel.node.blocklist.SyncResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/** The blocklist's JSON answers, with the seed's field names and this project's version fields. */
final class BlocklistJson {

  private BlocklistJson() {}

  /** {@code sync}: {@link SyncResult}'s fields. */
  static String sync(SyncResult result) {
    JsonObjectBuilder out = common(result);
    out.add(BlocklistApi.MODE, result.mode())
        .add(BlocklistApi.TOTAL, result.total())
        .add(BlocklistApi.ADDED, result.added())
        .add(BlocklistApi.REMOVED, result.removed());
    return leftOut(out, result).build().toString();
  }

  /**
   * {@code bulk-add}, {@code bulk-remove}: the seed's {@code {success, total (entries sent),
   * added|removed, failed, errors[]}} plus what {@code sync} reports.
   */
  static String bulk(SyncResult result, boolean removal) {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    result.invalid().forEach(text -> errors.add(text + ": not an IP address or network"));
    result.refused().stream()
        .limit(BlocklistApi.INVALID_SHOWN - Math.min(result.invalid().size(), 10))
        .forEach(refusal -> errors.add(refusal.ip() + ": " + refusal.reason()));
    JsonObjectBuilder out = common(result);
    out.add(BlocklistApi.TOTAL, result.received())
        .add(
            removal ? BlocklistApi.REMOVED : BlocklistApi.ADDED,
            removal ? result.removed() : result.added())
        .add("failed", result.invalidCount() + result.refusedCount())
        .add("errors", errors)
        .add("count", result.total());
    return leftOut(out, result).build().toString();
  }

  /** {@code add}, {@code remove}: {@code {success, message, ip, list, direction, version}}. */
  static String single(SyncResult result, boolean removal, String ip) {
    String message =
        removal
            ? (result.removed() > 0 ? ip + " removed" : ip + " was not in the list")
            : (result.added() > 0 ? ip + " added" : ip + " was already in the list");
    return common(result)
        .add(BlocklistApi.MESSAGE, message)
        .add(BlocklistApi.IP, ip)
        .add("count", result.total())
        .add(BlocklistApi.CONNECTIONS_CUT, result.connectionsCut())
        .build()
        .toString();
  }

  /** {@code clear}: {@code {success, message, list, direction, version, removed}}. */
  static String cleared(SyncResult result) {
    return common(result).add(BlocklistApi.REMOVED, result.removed()).build().toString();
  }

  static String timeout(int seconds) {
    return Json.createObjectBuilder()
        .add(BlocklistApi.SUCCESS, true)
        .add(BlocklistApi.MESSAGE, "temporary entries now last " + seconds + " s by default")
        .add(BlocklistApi.TIMEOUT, seconds)
        .build()
        .toString();
  }

  static String error(BlocklistException e) {
    JsonObjectBuilder out = Json.createObjectBuilder().add(BlocklistApi.ERROR, e.getMessage());
    if (e.version() != null) {
      out.add(BlocklistApi.VERSION, e.version());
    }
    return out.build().toString();
  }

  /** {@code list}: {@code {set_type, direction, count, version, ips[]}}, written as it is read. */
  static void list(ListContent content, ListKind list, Direction direction, OutputStream out)
      throws IOException {
    try (JsonGenerator g = Json.createGenerator(out)) {
      g.writeStartObject()
          .write("set_type", list.wire())
          .write(BlocklistApi.DIRECTION, direction.wire())
          .write("count", content.count())
          .write(BlocklistApi.VERSION, content.version())
          .writeStartArray(BlocklistApi.IPS);
      content.writeEach(entry -> g.write(entry.toString()));
      g.writeEnd().writeEnd();
    }
  }

  /**
   * {@code status}: the seed's {@code {incoming: {permanent_count, temp_count,
   * iptables_rules_exist}, outgoing: {...}, temp_timeout, permanent_count, temp_count,
   * iptables_rules_exist}} with each direction's versions and the kernel sets.
   */
  static String status(BlocklistStatus status) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    long permanent = 0;
    long temporary = 0;
    boolean rules = true;
    for (Direction direction : Direction.values()) {
      BlocklistStatus.DirectionStatus lists = status.directions().get(direction);
      permanent += lists.permanentCount();
      temporary += lists.tempCount();
      rules &= lists.rulesExist();
      out.add(
          direction == Direction.IN ? "incoming" : "outgoing",
          Json.createObjectBuilder()
              .add("permanent_count", lists.permanentCount())
              .add("permanent_version", lists.permanentVersion())
              .add("temp_count", lists.tempCount())
              .add("temp_version", lists.tempVersion())
              .add("temp_long_count", lists.longTemporary())
              .add("iptables_rules_exist", lists.rulesExist()));
    }
    JsonArrayBuilder sets = Json.createArrayBuilder();
    for (BlocklistStatus.SetStatus set : status.sets()) {
      sets.add(
          Json.createObjectBuilder()
              .add("name", set.name())
              .add(BlocklistApi.DIRECTION, set.direction().wire())
              .add(BlocklistApi.LIST, set.list().wire())
              .add("family", set.ipv6() ? "inet6" : "inet")
              .add("exists", set.exists())
              .add("count", set.count())
              .add("maxelem", set.maxElements())
              .add(BlocklistApi.TIMEOUT, set.timeout())
              .add("references", set.references()));
    }
    return out.add("temp_timeout", status.tempTimeout())
        .add("permanent_count", permanent)
        .add("temp_count", temporary)
        .add("iptables_rules_exist", rules)
        .add("sets", sets)
        .build()
        .toString();
  }

  private static JsonObjectBuilder common(SyncResult result) {
    return Json.createObjectBuilder()
        .add(BlocklistApi.SUCCESS, result.success())
        .add(BlocklistApi.MESSAGE, result.message())
        .add(BlocklistApi.LIST, result.list().wire())
        .add(BlocklistApi.DIRECTION, result.direction().wire())
        .add(BlocklistApi.VERSION, result.version());
  }

  private static JsonObjectBuilder leftOut(JsonObjectBuilder out, SyncResult result) {
    JsonArrayBuilder invalid = Json.createArrayBuilder();
    result.invalid().forEach(invalid::add);
    JsonArrayBuilder refused = Json.createArrayBuilder();
    for (Refusal refusal : result.refused()) {
      refused.add(
          Json.createObjectBuilder()
              .add(BlocklistApi.IP, refusal.ip())
              .add(BlocklistApi.REASON, refusal.reason()));
    }
    return out.add(BlocklistApi.INVALID, invalid)
        .add(BlocklistApi.INVALID_COUNT, result.invalidCount())
        .add(BlocklistApi.REFUSED, refused)
        .add(BlocklistApi.REFUSED_COUNT, result.refusedCount())
        .add(BlocklistApi.SKIPPED_NON_PUBLIC, result.skippedNonPublic())
        .add(BlocklistApi.CONNECTIONS_CUT, result.connectionsCut());
  }
}
