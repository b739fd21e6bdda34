package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.platform.errors.NotFoundException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Blocklist rules and sources; callers run inside {@link Tx#call}. */
public class BlocklistRepository {
  private final Tx tx;

  public BlocklistRepository(Tx tx) {
    this.tx = tx;
  }

  /** The rules of one scope (null: global) in one direction (null: both), newest first. */
  public List<BlocklistRule> rules(Long serverId, Direction direction) {
    String where =
        (serverId == null ? "r.serverId IS NULL" : "r.serverId = :s")
            + (direction == null ? "" : " AND r.direction = :d");
    var query =
        tx.em()
            .createQuery(
                "SELECT r FROM BlocklistRule r WHERE " + where + " ORDER BY r.id DESC",
                BlocklistRule.class);
    if (serverId != null) {
      query.setParameter("s", serverId);
    }
    if (direction != null) {
      query.setParameter("d", direction.wire());
    }
    return query.getResultList();
  }

  /** Every permanent rule's network of a direction: global ones, and those of {@code serverId}. */
  public List<String> permanentNetworks(Long serverId, Direction direction) {
    var query =
        tx.em()
            .createQuery(
                "SELECT r.network FROM BlocklistRule r WHERE r.permanent = TRUE AND r.direction = :d"
                    + (serverId == null ? " AND r.serverId IS NULL" : " AND r.serverId = :s"),
                String.class)
            .setParameter("d", direction.wire());
    if (serverId != null) {
      query.setParameter("s", serverId);
    }
    return query.getResultList();
  }

  /** The temporary rules of a direction that apply to {@code serverId} (global ones too). */
  public List<BlocklistRule> temporary(long serverId, Direction direction) {
    return tx.em()
        .createQuery(
            "SELECT r FROM BlocklistRule r WHERE r.permanent = FALSE AND r.direction = :d"
                + " AND (r.serverId IS NULL OR r.serverId = :s)",
            BlocklistRule.class)
        .setParameter("d", direction.wire())
        .setParameter("s", serverId)
        .getResultList();
  }

  public Optional<BlocklistRule> findRule(long id) {
    return Optional.ofNullable(tx.em().find(BlocklistRule.class, id));
  }

  public BlocklistRule getRule(long id) {
    return findRule(id).orElseThrow(() -> new NotFoundException("blocklist rule", id));
  }

  public void add(BlocklistRule rule) {
    tx.em().persist(rule);
  }

  public void remove(BlocklistRule rule) {
    tx.em().remove(rule);
  }

  /** Deletes the temporary rules expired at {@code now}; returns their servers (null: global). */
  public List<Long> deleteExpired(OffsetDateTime now) {
    List<BlocklistRule> expired =
        tx.em()
            .createQuery(
                "SELECT r FROM BlocklistRule r WHERE r.permanent = FALSE AND r.expiresAt <= :now",
                BlocklistRule.class)
            .setParameter("now", now)
            .getResultList();
    expired.forEach(tx.em()::remove);
    return expired.stream().map(BlocklistRule::serverId).distinct().toList();
  }

  public List<BlocklistSource> sources() {
    return tx.em()
        .createQuery("SELECT s FROM BlocklistSource s ORDER BY s.id", BlocklistSource.class)
        .getResultList();
  }

  public Optional<BlocklistSource> findSource(long id) {
    return Optional.ofNullable(tx.em().find(BlocklistSource.class, id));
  }

  public BlocklistSource getSource(long id) {
    return findSource(id).orElseThrow(() -> new NotFoundException("blocklist source", id));
  }

  public Optional<BlocklistSource> findSourceByUrl(String url) {
    return tx.em()
        .createQuery("SELECT s FROM BlocklistSource s WHERE s.url = :u", BlocklistSource.class)
        .setParameter("u", url)
        .getResultStream()
        .findFirst();
  }

  public void add(BlocklistSource source) {
    tx.em().persist(source);
  }

  public void remove(BlocklistSource source) {
    tx.em().remove(source);
  }
}
