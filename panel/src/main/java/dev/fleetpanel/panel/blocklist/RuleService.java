package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.ServerService;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Adds and removes blocklist rules for every server or one, checks what is typed, and audits every
 * change. After each change the nodes concerned are brought in line in the background: {@code
 * permanentChanged} after a permanent rule changed (the permanent lists are computed again), {@code
 * temporaryChanged} after a temporary one (only the temporary lists, computed at each plan).
 */
public final class RuleService {
  /** The longest a temporary rule may last: the agents' longest timeout (30 days). */
  public static final Duration MAX_TEMPORARY = Duration.ofDays(30);

  public static final int MAX_COMMENT = 200;

  /** The most entries one paste may add. */
  public static final int MAX_PASTE = 100_000;

  /** What an addition did: the rules made, the entries already there, and what was refused. */
  public record Added(List<BlocklistRule> rules, int duplicates, RuleInput input) {}

  private final Tx tx;
  private final BlocklistRepository repository;
  private final ServerService servers;
  private final AuditService audit;
  private final Clock clock;
  private final Runnable permanentChanged;
  private final Runnable temporaryChanged;

  public RuleService(
      Tx tx,
      ServerService servers,
      AuditService audit,
      Clock clock,
      Runnable permanentChanged,
      Runnable temporaryChanged) {
    this.tx = tx;
    this.repository = new BlocklistRepository(tx);
    this.servers = servers;
    this.audit = audit;
    this.clock = clock;
    this.permanentChanged = permanentChanged;
    this.temporaryChanged = temporaryChanged;
  }

  /**
   * The rules of a scope (null: every server), in one direction or both, newest first; {@code
   * search} keeps those whose network overlaps it (an address or network) or whose network or
   * comment contains it.
   */
  public List<BlocklistRule> rules(Long serverId, Direction direction, String search) {
    List<BlocklistRule> all = tx.call(() -> scope(serverId, direction));
    String wanted = search == null ? "" : search.strip();
    if (wanted.isEmpty()) {
      return all;
    }
    Optional<BlocklistEntry> net = BlocklistEntry.tryParse(wanted);
    String lower = wanted.toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(
            r ->
                net.map(n -> n.overlaps(BlocklistEntry.parse(r.network()))).orElse(false)
                    || r.network().contains(lower)
                    || r.comment().toLowerCase(Locale.ROOT).contains(lower))
        .toList();
  }

  private List<BlocklistRule> scope(Long serverId, Direction direction) {
    if (serverId != null) {
      servers.get(serverId);
    }
    return repository.rules(serverId, direction);
  }

  /**
   * Adds the addresses, networks or ranges of {@code text} (one per line) to a scope (null: every
   * server), permanently ({@code lasting} null) or for {@code lasting}. Garbage lines and
   * non-public ranges are reported, the rest is added; entries already there are skipped.
   *
   * @throws InvalidInputException when {@code text} is empty or too large, or the comment or
   *     duration is out of bounds
   * @throws NothingToBlockException when no line of {@code text} can be added
   */
  public Added add(
      Long serverId,
      String text,
      Direction direction,
      Duration lasting,
      String comment,
      Actor actor) {
    String note = comment == null ? "" : comment.strip();
    if (note.length() > MAX_COMMENT) {
      throw InvalidInputException.of("comment", "blocklist.comment.long");
    }
    if (lasting != null
        && (lasting.isNegative() || lasting.isZero() || lasting.compareTo(MAX_TEMPORARY) > 0)) {
      throw InvalidInputException.of("duration", "blocklist.duration.invalid");
    }
    RuleInput input;
    try {
      input = RuleInput.parse(text, MAX_PASTE);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("ip", "blocklist.paste.large");
    }
    if (input.networks().isEmpty()) {
      if (input.lines() == 0) {
        throw InvalidInputException.of("ip", "blocklist.ip.required");
      }
      throw new NothingToBlockException(input);
    }
    Added added =
        tx.call(
            () -> {
              String scope = serverId == null ? "every server" : servers.get(serverId).name();
              OffsetDateTime now = now();
              OffsetDateTime expires = lasting == null ? null : now.plus(lasting);
              Set<String> present = new HashSet<>();
              for (BlocklistRule r : repository.rules(serverId, direction)) {
                // A temporary rule is there already only if one lasts at least as long.
                if (expires == null
                    ? r.permanent()
                    : !r.permanent() && !r.expiresAt().isBefore(expires)) {
                  present.add(r.network());
                }
              }
              List<BlocklistRule> rules =
                  input.networks().stream()
                      .filter(present::add)
                      .map(
                          network ->
                              new BlocklistRule(
                                  serverId, network, direction, expires, note, actor.name(), now))
                      .toList();
              rules.forEach(repository::add);
              audit.record(actor, "blocklist.add", scope, describe(direction, rules, lasting));
              return new Added(rules, input.networks().size() - rules.size(), input);
            });
    (lasting == null ? permanentChanged : temporaryChanged).run();
    return added;
  }

  /** Removes a rule of the scope {@code serverId} (null: the rules for every server). */
  public BlocklistRule delete(long id, Long serverId, Actor actor) {
    return delete(id, rule -> java.util.Objects.equals(serverId, rule.serverId()), actor);
  }

  /** Removes a rule of any scope (the page shows every rule with its own id). */
  public BlocklistRule delete(long id, Actor actor) {
    return delete(id, rule -> true, actor);
  }

  private BlocklistRule delete(
      long id, java.util.function.Predicate<BlocklistRule> inScope, Actor actor) {
    BlocklistRule removed =
        tx.call(
            () -> {
              BlocklistRule rule = repository.getRule(id);
              if (!inScope.test(rule)) {
                throw new dev.fleetpanel.panel.platform.errors.NotFoundException(
                    "blocklist rule", id);
              }
              repository.remove(rule);
              String scope =
                  rule.serverId() == null ? "every server" : servers.get(rule.serverId()).name();
              audit.record(
                  actor,
                  "blocklist.remove",
                  scope,
                  rule.direction().wire() + ": " + rule.network());
              return rule;
            });
    (removed.permanent() ? permanentChanged : temporaryChanged).run();
    return removed;
  }

  /** Drops the temporary rules that expired; whether there were any. */
  public boolean dropExpired() {
    List<Long> scopes = tx.call(() -> repository.deleteExpired(now()));
    if (!scopes.isEmpty()) {
      temporaryChanged.run();
    }
    return !scopes.isEmpty();
  }

  private static String describe(Direction direction, List<BlocklistRule> rules, Duration lasting) {
    String what = rules.size() == 1 ? rules.get(0).network() : rules.size() + " networks";
    return direction.wire()
        + ": "
        + what
        + (lasting == null ? " (permanent)" : " (for " + lasting.toMinutes() + " min)");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
