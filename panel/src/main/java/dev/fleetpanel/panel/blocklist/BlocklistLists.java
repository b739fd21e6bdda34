package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.blocklist.list.NetworkList;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each node should hold: per direction, the permanent list (the global permanent rules, the
 * enabled lists' good copies and the server's own permanent rules, merged) and the temporary
 * entries (global and the server's, not expired, each with its expiry). Computed once per change
 * ({@link #invalidate}) and shared: a server without rules of its own gets the global list itself,
 * so twenty nodes of a million-entry list hold it once.
 */
public final class BlocklistLists {

  /** A temporary entry and when it ends. */
  public record Temporary(String network, Instant expiresAt) {}

  /** The temporary entries of a node's direction, and a hash of them (with their expiries). */
  public record TemporaryList(List<Temporary> entries, String hash) {}

  private final Tx tx;
  private final BlocklistRepository repository;
  private final SourceService sources;
  private final Clock clock;
  private final Map<Direction, NetworkList> global = new ConcurrentHashMap<>();
  private final Map<String, NetworkList> perServer = new ConcurrentHashMap<>();
  private final Map<String, TemporaryList> temporary = new ConcurrentHashMap<>();
  private volatile long generation;

  public BlocklistLists(Tx tx, SourceService sources, Clock clock) {
    this.tx = tx;
    this.repository = new BlocklistRepository(tx);
    this.sources = sources;
    this.clock = clock;
  }

  /** Rules or lists changed: everything is computed again when next asked. */
  public synchronized void invalidate() {
    generation++;
    global.clear();
    perServer.clear();
    temporary.clear();
  }

  /** Only temporary rules changed: the permanent lists stay as computed. */
  public synchronized void invalidateTemporary() {
    generation++;
    temporary.clear();
  }

  /** Every server's permanent list of a direction: global rules and the enabled lists. */
  public NetworkList global(Direction direction) {
    long seen = generation;
    NetworkList list = global.get(direction);
    if (list == null) {
      List<NetworkList> parts = new ArrayList<>(sources.copies(direction).values());
      parts.add(NetworkList.of(tx.call(() -> repository.permanentNetworks(null, direction))));
      list = NetworkList.union(parts.toArray(NetworkList[]::new));
      synchronized (this) {
        if (seen == generation) {
          global.putIfAbsent(direction, list);
        }
      }
    }
    return list;
  }

  /** The permanent list a server's node should hold for a direction. */
  public NetworkList permanent(long serverId, Direction direction) {
    long seen = generation;
    String key = serverId + " " + direction.wire();
    NetworkList list = perServer.get(key);
    if (list == null) {
      List<String> own = tx.call(() -> repository.permanentNetworks(serverId, direction));
      NetworkList shared = global(direction);
      list = own.isEmpty() ? shared : NetworkList.union(shared, NetworkList.of(own));
      synchronized (this) {
        if (seen == generation) {
          perServer.putIfAbsent(key, list);
        }
      }
    }
    return list;
  }

  /**
   * The temporary entries a server's node should hold for a direction, not yet expired when they
   * were computed (the rules that expire are dropped every half minute, which computes them again).
   */
  public TemporaryList temporary(long serverId, Direction direction) {
    long seen = generation;
    String key = serverId + " " + direction.wire();
    TemporaryList list = temporary.get(key);
    if (list == null) {
      list = computeTemporary(serverId, direction);
      synchronized (this) {
        if (seen == generation) {
          temporary.putIfAbsent(key, list);
        }
      }
    }
    return list;
  }

  private TemporaryList computeTemporary(long serverId, Direction direction) {
    Instant now = clock.instant();
    Map<String, Instant> latest = new TreeMap<>();
    for (BlocklistRule r : tx.call(() -> repository.temporary(serverId, direction))) {
      Instant end = r.expiresAt().toInstant();
      if (end.isAfter(now)) {
        latest.merge(r.network(), end, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<Temporary> entries = new ArrayList<>();
    latest.forEach((network, end) -> entries.add(new Temporary(network, end)));
    return new TemporaryList(List.copyOf(entries), hash(entries));
  }

  private static String hash(List<Temporary> entries) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Temporary t : entries) {
        digest.update(
            (t.network() + " " + t.expiresAt().getEpochSecond() + "\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
