package dev.fleetpanel.panel.audit;

import dev.fleetpanel.panel.platform.persistence.ColumnText;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction, so a change and
 * its entry commit together.
 */
public final class AuditService {
  private static final int MAX_DETAILS = 2000;

  private final Tx tx;
  private final Clock clock;

  public AuditService(Tx tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public void record(Actor actor, String action, String target, String details) {
    tx.run(
        () ->
            tx.em()
                .persist(
                    new AuditEntry(
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        actor.name(),
                        actor.ip(),
                        action,
                        ColumnText.clip(target, 200),
                        ColumnText.clip(details, MAX_DETAILS))));
  }

  /** The newest entries first, {@code limit} of them, older than {@code beforeId} when given. */
  public List<AuditEntry> recent(Long beforeId, int limit) {
    return tx.call(
        () -> {
          var query =
              tx.em()
                  .createQuery(
                      "SELECT a FROM AuditEntry a"
                          + (beforeId == null ? "" : " WHERE a.id < :before")
                          + " ORDER BY a.id DESC",
                      AuditEntry.class)
                  .setMaxResults(limit);
          if (beforeId != null) {
            query.setParameter("before", beforeId);
          }
          return query.getResultList();
        });
  }
}
