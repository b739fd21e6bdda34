package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.blocklist.list.NetworkList;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.nodesync.NodeUnavailableException;
import dev.fleetpanel.panel.nodesync.SyncTarget;
import dev.fleetpanel.panel.server.Server;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocklist on each node, through the agent's {@code /api/ipset}: four items per server, the
 * permanent lists ({@code blocklist/in}, {@code blocklist/out}) and the temporary entries ({@code
 * blocklist/in/temp}, {@code blocklist/out/temp}). A permanent list goes as a delta against what
 * the node last applied when that is small and the node still holds it (its version), else whole;
 * temporary entries are brought in line entry by entry with their own remaining time. The drift
 * check compares the versions the node reports with those it gave when the lists were applied
 * (never with the panel's own hash: a node refuses its own and the panel's addresses).
 */
public final class BlocklistTarget implements SyncTarget {
  /** What the blocklist keeps on every node: the permanent and temporary lists, in and out. */
  public static final List<String> ITEMS =
      List.of("blocklist/in", "blocklist/out", "blocklist/in/temp", "blocklist/out/temp");

  private final BlocklistLists lists;
  private final PermanentPush permanent;
  private final TemporaryPush temporary;
  private final NodeBlocklist node;
  private final SentLists sent;

  public BlocklistTarget(BlocklistLists lists, NodeClient client, SentLists sent, Clock clock) {
    this.lists = lists;
    this.node = new NodeBlocklist(client);
    this.sent = sent;
    this.permanent = new PermanentPush(client, sent);
    this.temporary = new TemporaryPush(client, clock);
  }

  @Override
  public List<String> items(Server server) {
    return ITEMS;
  }

  @Override
  public Desired desired(Server server, String item) {
    Direction direction = direction(item);
    if (item.endsWith("/temp")) {
      BlocklistLists.TemporaryList list = lists.temporary(server.id(), direction);
      return new Desired(list.hash(), list.entries().size(), list);
    }
    NetworkList list = lists.permanent(server.id(), direction);
    return new Desired(list.contentHash(), list.size(), list);
  }

  @Override
  public Outcome push(
      Server server, String item, Desired desired, Previous previous, Duration deadline) {
    Direction direction = direction(item);
    if (desired.content() instanceof NetworkList list) {
      return permanent.push(server, direction, list, previous, deadline);
    }
    return temporary.push(
        server, direction, (BlocklistLists.TemporaryList) desired.content(), deadline);
  }

  @Override
  public void retain(java.util.Set<String> hashes) {
    sent.retain(hashes);
  }

  @Override
  public Map<String, String> nodeVersions(Server server) throws NodeUnavailableException {
    JsonObject status = node.fetch(server);
    Map<String, String> versions = new HashMap<>();
    version(status, "incoming", "blocklist/in", versions);
    version(status, "outgoing", "blocklist/out", versions);
    return versions;
  }

  private static void version(
      JsonObject status, String side, String item, Map<String, String> out) {
    if (status.get(side) instanceof JsonObject o
        && o.get("permanent_version") instanceof jakarta.json.JsonString v) {
      out.put(item, v.getString());
    }
  }

  /** The reply's JSON object, or why there is none. */
  static JsonObject json(NodeClient.Reply reply) throws NodeUnavailableException {
    if (!reply.ok()) {
      throw new NodeUnavailableException(reply.detail());
    }
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject o) {
        return o;
      }
    } catch (JsonException e) {
      // falls through
    }
    throw new NodeUnavailableException("the node's answer is not the agent's JSON");
  }

  /** How a failed call ends: refused by the node (its reason), or not reached (retried). */
  static Outcome failure(NodeClient.Reply reply) {
    if (reply.failure() == NodeClient.Failure.CAPABILITY) {
      return Outcome.refused(
          "the node's owner does not allow blocklist changes (capability ipset)");
    }
    if (reply.failure() == NodeClient.Failure.HTTP) {
      return Outcome.refused("the node refused (" + reply.status() + "): " + errorOf(reply.body()));
    }
    return Outcome.unreachable(reply.detail());
  }

  /**
   * What is left of a push's deadline that ends at {@code end} ({@link System#nanoTime}): a push of
   * several requests gives each the rest, not the whole (at least 1 ms, so a late request fails as
   * a timeout).
   */
  static Duration left(long end) {
    return Duration.ofNanos(Math.max(end - System.nanoTime(), 1_000_000));
  }

  static String errorOf(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      JsonObject o = reader.readObject();
      return o.getString(BlocklistApi.ERROR, o.getString(BlocklistApi.MESSAGE, body));
    } catch (JsonException | ClassCastException e) {
      return body == null ? "no answer" : body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  static Direction direction(String item) {
    String rest = item.substring("blocklist/".length());
    return Direction.parse(rest.endsWith("/temp") ? rest.substring(0, rest.length() - 5) : rest);
  }
}
