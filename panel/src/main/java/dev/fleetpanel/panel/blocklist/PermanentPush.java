package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import dev.fleetpanel.node.blocklist.SyncBodyWriter;
import dev.fleetpanel.panel.blocklist.list.NetworkList;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.nodesync.NodeUnavailableException;
import dev.fleetpanel.panel.nodesync.SyncTarget.Outcome;
import dev.fleetpanel.panel.nodesync.SyncTarget.Previous;
import dev.fleetpanel.panel.server.Server;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * Puts a permanent list on a node with {@code POST /api/ipset/sync}: as a delta against the list
 * the node last applied when the change is at most a quarter of the list (or a few thousand
 * entries) and the node still holds that list's version; otherwise, or when the node says its
 * version moved (409), the whole list, gzipped. A whole list's body is built once and sent to every
 * node that needs it.
 */
final class PermanentPush {
  static final long DELTA_MIN = 5_000;

  /** Writes the lists kept, one at a time (a list is kept once, whichever node it goes to). */
  private static final Executor KEEPER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fleetpanel-sent-lists");
            t.setDaemon(true);
            return t;
          });

  private static final String SYNC = "/" + BlocklistApi.PATH + "/sync";

  private final NodeClient client;
  private final SentLists sent;
  private final Map<String, byte[]> bodies = lastTwo();

  /**
   * The changes between two lists, by their hashes: the same for every node that held the first.
   */
  private final Map<String, Optional<NetworkList.Diff>> diffs = lastTwo();

  PermanentPush(NodeClient client, SentLists sent) {
    this.client = client;
    this.sent = sent;
  }

  private static <V> Map<String, V> lastTwo() {
    return new LinkedHashMap<>(4, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > 2;
      }
    };
  }

  Outcome push(
      Server server, Direction direction, NetworkList list, Previous previous, Duration deadline) {
    String hash = list.contentHash();
    long end = System.nanoTime() + deadline.toNanos();
    Optional<byte[]> delta = delta(direction, list, previous);
    // Kept (written to disk) while the node works, for the next change to go as a delta.
    CompletableFuture<Void> kept = CompletableFuture.runAsync(() -> sent.keep(hash, list), KEEPER);
    NodeClient.Reply reply = null;
    if (delta.isPresent()) {
      reply = send(server, delta.get(), end);
      if (reply.status() == 409) {
        reply = null;
      }
    }
    boolean sentDelta = reply != null;
    if (reply == null) {
      reply = send(server, full(direction, list), end);
    }
    if (!reply.ok()) {
      return BlocklistTarget.failure(reply);
    }
    try {
      JsonObject result = BlocklistTarget.json(reply);
      kept.join();
      return Outcome.applied(
          result.getString(BlocklistApi.VERSION, null), detail(result, sentDelta));
    } catch (NodeUnavailableException e) {
      return Outcome.refused(e.getMessage());
    }
  }

  private Optional<byte[]> delta(Direction direction, NetworkList list, Previous previous) {
    if (previous.sentHash() == null || previous.nodeVersion() == null) {
      return Optional.empty();
    }
    Optional<NetworkList.Diff> found = diff(previous.sentHash(), list);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    NetworkList.Diff diff = found.get();
    long changes = diff.added().size() + diff.removed().size();
    if (changes > Math.max(DELTA_MIN, list.size() / 4)) {
      return Optional.empty();
    }
    return Optional.of(
        gzip(
            out ->
                SyncBodyWriter.writeDelta(
                    out,
                    direction,
                    ListKind.PERMANENT,
                    previous.nodeVersion(),
                    diff.added().canonical(),
                    diff.removed().canonical())));
  }

  /** Read and worked out once for all the nodes a change goes to (they wait for the first). */
  private Optional<NetworkList.Diff> diff(String fromHash, NetworkList list) {
    synchronized (diffs) {
      return diffs.computeIfAbsent(
          fromHash + " " + list.contentHash(),
          key -> sent.find(fromHash).map(before -> NetworkList.diff(before, list)));
    }
  }

  private synchronized byte[] full(Direction direction, NetworkList list) {
    return bodies.computeIfAbsent(
        direction.wire() + " " + list.contentHash(),
        key ->
            gzip(
                out ->
                    SyncBodyWriter.writeFull(
                        out, direction, ListKind.PERMANENT, list.canonical())));
  }

  private NodeClient.Reply send(Server server, byte[] body, long end) {
    return client.exchange(
        server.address(), server.agentPort(), "POST", SYNC, body, true, BlocklistTarget.left(end));
  }

  /**
   * "1,000,000 entries (delta); 2 refused by the node, e.g. 10.0.0.1 (non_public: ...)" for the
   * page (clipped where it is stored).
   */
  private static String detail(JsonObject r, boolean delta) {
    StringBuilder out =
        new StringBuilder()
            .append(
                r.getJsonNumber(BlocklistApi.TOTAL) == null
                    ? "?"
                    : r.getJsonNumber(BlocklistApi.TOTAL).longValue())
            .append(" entries");
    if (delta) {
      out.append(" (delta)");
    }
    int refused =
        r.containsKey(BlocklistApi.REFUSED_COUNT) ? r.getInt(BlocklistApi.REFUSED_COUNT) : 0;
    if (refused > 0) {
      out.append("; ").append(refused).append(" refused by the node");
      if (r.get(BlocklistApi.REFUSED) instanceof jakarta.json.JsonArray first && !first.isEmpty()) {
        JsonObject one = first.getJsonObject(0);
        out.append(", e.g. ")
            .append(one.getString(BlocklistApi.IP, ""))
            .append(" (")
            .append(one.getString(BlocklistApi.REASON, ""))
            .append(')');
      }
    }
    return out.toString();
  }

  @FunctionalInterface
  interface BodyWriter {
    void write(java.io.OutputStream out) throws IOException;
  }

  static byte[] gzip(BodyWriter writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
      writer.write(gz);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
