package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.nodesync.NodeUnavailableException;
import dev.fleetpanel.panel.nodesync.SyncTarget.Outcome;
import dev.fleetpanel.panel.server.Server;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Brings a node's temporary entries in line: what the node holds is asked ({@code list/temp}),
 * every wanted entry is added, or re-armed if present, with the time its rule has left (grouped by
 * the minute, one {@code bulk-add} per group, at most the agent's 30 days), so that a rule made
 * longer, or deleted and made again, is not cut short by an older timer; entries no rule asks for
 * any more are removed ({@code bulk-remove}).
 */
final class TemporaryPush {
  private static final String BASE = "/" + BlocklistApi.PATH;

  private final NodeClient client;
  private final Clock clock;

  TemporaryPush(NodeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** {@code deadline} is the whole push's: each request gets what is left of it. */
  Outcome push(
      Server server, Direction direction, BlocklistLists.TemporaryList wanted, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    NodeClient.Reply listed =
        client.exchange(
            server.address(),
            server.agentPort(),
            "GET",
            BASE + "/list/temp?direction=" + direction.wire(),
            null,
            false,
            deadline);
    if (!listed.ok()) {
      return BlocklistTarget.failure(listed);
    }
    Set<String> present;
    try {
      present = present(BlocklistTarget.json(listed));
    } catch (NodeUnavailableException e) {
      return Outcome.unreachable(e.getMessage());
    }
    Instant now = clock.instant();
    Map<Long, List<String>> byTimeout = new TreeMap<>();
    Set<String> keep = new HashSet<>();
    for (BlocklistLists.Temporary t : wanted.entries()) {
      keep.add(t.network());
      long left = Duration.between(now, t.expiresAt()).toSeconds();
      if (left > 0) {
        long timeout = Math.min(BlocklistApi.MAX_TIMEOUT, (left + 59) / 60 * 60);
        byTimeout.computeIfAbsent(timeout, k -> new ArrayList<>()).add(t.network());
      }
    }
    for (Map.Entry<Long, List<String>> group : byTimeout.entrySet()) {
      NodeClient.Reply r =
          send(server, "bulk-add", body(direction, group.getValue(), group.getKey()), end);
      if (!r.ok()) {
        return BlocklistTarget.failure(r);
      }
    }
    List<String> gone = present.stream().filter(ip -> !keep.contains(ip)).sorted().toList();
    if (!gone.isEmpty()) {
      NodeClient.Reply r = send(server, "bulk-remove", body(direction, gone, null), end);
      if (!r.ok()) {
        return BlocklistTarget.failure(r);
      }
    }
    return Outcome.applied(null, wanted.entries().size() + " temporary entries");
  }

  private static Set<String> present(JsonObject list) {
    Set<String> present = new HashSet<>();
    if (list.get(BlocklistApi.IPS) instanceof JsonArray ips) {
      for (JsonValue v : ips) {
        if (v instanceof JsonString s) {
          present.add(s.getString());
        }
      }
    }
    return present;
  }

  private static byte[] body(Direction direction, List<String> ips, Long timeout) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    ips.forEach(array::add);
    var body =
        Json.createObjectBuilder()
            .add(BlocklistApi.IPS, array)
            .add(BlocklistApi.PERMANENT, false)
            .add(BlocklistApi.DIRECTION, direction.wire());
    if (timeout != null) {
      body.add(BlocklistApi.TIMEOUT, timeout);
    }
    return body.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  private NodeClient.Reply send(Server server, String path, byte[] body, long end) {
    return client.exchange(
        server.address(),
        server.agentPort(),
        "POST",
        BASE + "/" + path,
        body,
        false,
        BlocklistTarget.left(end));
  }
}
