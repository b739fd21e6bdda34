package dev.fleetpanel.panel.nodesync;

import dev.fleetpanel.panel.platform.persistence.Tx;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** The {@code node_sync} rows; every method is one transaction. */
public final class SyncStore {
  private final Tx tx;

  public SyncStore(Tx tx) {
    this.tx = tx;
  }

  public List<SyncRecord> all() {
    return tx.call(
        () ->
            tx.em()
                .createQuery(
                    "SELECT r FROM SyncRecord r ORDER BY r.serverId, r.item", SyncRecord.class)
                .getResultList());
  }

  /**
   * Records what is wanted for each {@code "<server id> <item>"}, drops the rows of items no longer
   * wanted (a server disabled, a feature's item gone) unless {@code held} (wanted, but what is not
   * known now), and returns the rows due for a push.
   */
  List<SyncRecord> want(
      Map<String, SyncTarget.Desired> wanted, Set<String> held, OffsetDateTime now) {
    return tx.call(
        () -> {
          Map<String, SyncRecord> existing = new HashMap<>();
          for (SyncRecord r :
              tx.em()
                  .createQuery("SELECT r FROM SyncRecord r", SyncRecord.class)
                  .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                  .getResultList()) {
            existing.put(r.serverId() + " " + r.item(), r);
          }
          List<SyncRecord> due = new ArrayList<>();
          for (Map.Entry<String, SyncTarget.Desired> e : wanted.entrySet()) {
            SyncRecord record = existing.remove(e.getKey());
            if (record == null) {
              int space = e.getKey().indexOf(' ');
              record =
                  new SyncRecord(
                      Long.parseLong(e.getKey().substring(0, space)),
                      e.getKey().substring(space + 1),
                      now);
              tx.em().persist(record);
            }
            record.want(e.getValue().hash(), now);
            if (record.due(now)) {
              due.add(record);
            }
          }
          existing.keySet().removeAll(held);
          existing.values().forEach(tx.em()::remove);
          return due;
        });
  }

  /** Takes a push's outcome in, if the panel still wants what was pushed. */
  void outcome(
      long serverId,
      String item,
      String pushedHash,
      SyncTarget.Outcome outcome,
      OffsetDateTime now,
      BiFunction<Integer, OffsetDateTime, OffsetDateTime> retryAfter) {
    locked(
        serverId,
        item,
        record -> {
          if (outcome.applied()) {
            if (pushedHash.equals(record.desiredHash())) {
              record.applied(pushedHash, outcome.nodeVersion(), outcome.detail(), now);
            } else {
              // Applied what is no longer wanted: the node holds it, and the new want is still due.
              record.sentOnly(pushedHash, outcome.nodeVersion(), now);
            }
          } else if (pushedHash.equals(record.desiredHash())) {
            record.failedAttempt(
                outcome.refused(),
                outcome.error(),
                retryAfter.apply(record.attempts() + 1, now),
                now);
          } else {
            // What failed is no longer wanted: the new want stays due, without a backoff.
            record.lastError(outcome.error(), now);
          }
        });
  }

  /**
   * Marks an item drifted, if it is still applied with the version {@code expected} (read before
   * the node was asked: a push that landed since is not drift).
   */
  void drifted(long serverId, String item, String expected, String reported, OffsetDateTime now) {
    locked(
        serverId,
        item,
        record -> {
          if (record.state() == SyncState.APPLIED
              && Objects.equals(record.nodeVersion(), expected)) {
            record.drifted(reported, now);
          }
        });
  }

  void checked(long serverId, String item, OffsetDateTime now) {
    locked(serverId, item, record -> record.checked(now));
  }

  /** Runs {@code change} on the item's record, locked, in a transaction; nothing if it is gone. */
  private void locked(long serverId, String item, Consumer<SyncRecord> change) {
    tx.run(
        () -> {
          SyncRecord record =
              tx.em()
                  .find(
                      SyncRecord.class,
                      new SyncRecordId(serverId, item),
                      LockModeType.PESSIMISTIC_WRITE);
          if (record != null) {
            change.accept(record);
          }
        });
  }

  /** The server's items that wait for a retry are due now. */
  void retryNow(long serverId, OffsetDateTime now) {
    tx.run(
        () ->
            tx.em()
                .createQuery(
                    "SELECT r FROM SyncRecord r WHERE r.serverId = :s AND r.state <> :applied",
                    SyncRecord.class)
                .setParameter("s", serverId)
                .setParameter("applied", SyncState.APPLIED)
                .getResultList()
                .forEach(r -> r.retryNow(now)));
  }
}
