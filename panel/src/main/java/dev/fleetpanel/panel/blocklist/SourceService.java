package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.blocklist.list.NetworkList;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lists downloaded from URLs: added, edited, enabled, removed (each audited), and refreshed on
 * demand or every {@link BlocklistSettings#updateEvery()}. A refresh that fails (unreachable, not
 * 200, over 256 MB or 1,000,000 entries) keeps the last good copy, which stays applied; a list that
 * never had a good copy contributes nothing. The copies are files of the data directory ({@code
 * blocklist/sources/<id>.list}), read once and kept in memory.
 */
public final class SourceService {
  private static final Logger LOG = Logger.getLogger(SourceService.class.getName());
  public static final int MAX_NAME = 100;
  public static final int MAX_URL = 2000;

  /** How a refresh went: the list's name, and the error when it failed. */
  public record Refresh(String name, boolean ok, int entries, String error) {}

  private final Tx tx;
  private final BlocklistRepository repository;
  private final AuditService audit;
  private final SourceFetcher fetcher;
  private final Path dir;
  private final Clock clock;
  private final Runnable changed;
  private final Map<Long, NetworkList> copies = new ConcurrentHashMap<>();

  public SourceService(
      Tx tx,
      AuditService audit,
      SourceFetcher fetcher,
      Path dataDir,
      Clock clock,
      Runnable changed) {
    this.tx = tx;
    this.repository = new BlocklistRepository(tx);
    this.audit = audit;
    this.fetcher = fetcher;
    this.dir = dataDir.resolve("blocklist").resolve("sources");
    this.clock = clock;
    this.changed = changed;
  }

  public List<BlocklistSource> sources() {
    return tx.call(repository::sources);
  }

  public BlocklistSource get(long id) {
    return tx.call(() -> repository.getSource(id));
  }

  /**
   * @throws InvalidInputException for a blank or long name, a URL that is not http(s) or is already
   *     listed
   */
  public BlocklistSource add(String name, String url, Direction direction, Actor actor) {
    String cleanName = name(name);
    String cleanUrl = url(url);
    return tx.call(
        () -> {
          if (repository.findSourceByUrl(cleanUrl).isPresent()) {
            throw InvalidInputException.of("url", "blocklist.source.url.duplicate");
          }
          BlocklistSource source = new BlocklistSource(cleanName, cleanUrl, direction, now());
          repository.add(source);
          tx.em().flush();
          audit.record(
              actor, "blocklist.source.add", cleanName, direction.wire() + ": " + cleanUrl);
          return source;
        });
  }

  /**
   * Changes a list; a field given as null keeps its value.
   *
   * @throws InvalidInputException as {@link #add}
   */
  public BlocklistSource update(
      long id, String name, String url, Direction direction, Boolean enabled, Actor actor) {
    BlocklistSource updated =
        tx.call(
            () -> {
              BlocklistSource source = repository.getSource(id);
              String cleanName = name == null ? source.name() : name(name);
              String cleanUrl = url == null ? source.url() : url(url);
              if (!cleanUrl.equals(source.url())
                  && repository.findSourceByUrl(cleanUrl).isPresent()) {
                throw InvalidInputException.of("url", "blocklist.source.url.duplicate");
              }
              source.edit(
                  cleanName,
                  cleanUrl,
                  direction == null ? source.direction() : direction,
                  enabled == null ? source.enabled() : enabled);
              audit.record(
                  actor,
                  "blocklist.source.update",
                  cleanName,
                  source.direction().wire() + ": " + cleanUrl + (source.enabled() ? "" : " (off)"));
              return source;
            });
    changed.run();
    return updated;
  }

  public void setEnabled(long id, boolean enabled, Actor actor) {
    tx.run(
        () -> {
          BlocklistSource source = repository.getSource(id);
          source.enabled(enabled);
          audit.record(
              actor,
              enabled ? "blocklist.source.enable" : "blocklist.source.disable",
              source.name(),
              source.url());
        });
    changed.run();
  }

  public void delete(long id, Actor actor) {
    tx.run(
        () -> {
          BlocklistSource source = repository.getSource(id);
          repository.remove(source);
          audit.record(actor, "blocklist.source.delete", source.name(), source.url());
        });
    copies.remove(id);
    try {
      Files.deleteIfExists(file(id));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete the copy of list " + id, e);
    }
    changed.run();
  }

  /** Downloads the list now; its last good copy stays when it fails. */
  public Refresh refresh(long id, Actor actor) {
    BlocklistSource source = get(id);
    SourceFetcher.Fetched fetched;
    try {
      fetched = fetcher.fetch(URI.create(source.url()));
    } catch (SourceFetcher.FetchException e) {
      tx.run(() -> repository.getSource(id).failed(e.getMessage(), now()));
      LOG.info("List " + source.name() + " not refreshed: " + e.getMessage());
      return new Refresh(source.name(), false, source.entryCount(), e.getMessage());
    }
    NetworkList list = fetched.list();
    String checksum = list.contentHash();
    boolean changedContent = !checksum.equals(source.checksum()) || !source.hasCopy();
    try {
      Files.createDirectories(dir);
      list.writeTo(file(id));
    } catch (IOException e) {
      String error = "cannot keep the copy: " + e.getMessage();
      tx.run(() -> repository.getSource(id).failed(error, now()));
      return new Refresh(source.name(), false, source.entryCount(), error);
    }
    copies.put(id, list);
    tx.run(
        () -> {
          repository
              .getSource(id)
              .downloaded(list.size(), fetched.garbage(), fetched.refused(), checksum, now());
          if (changedContent) {
            audit.record(
                actor, "blocklist.source.refresh", source.name(), list.size() + " networks");
          }
        });
    if (changedContent && source.enabled()) {
      changed.run();
    }
    return new Refresh(source.name(), true, list.size(), null);
  }

  public List<Refresh> refreshAll(Actor actor) {
    return sources().stream()
        .filter(BlocklistSource::enabled)
        .map(s -> refresh(s.id(), actor))
        .toList();
  }

  /**
   * Refreshes the enabled lists not refreshed for {@code every} (or never tried); for the timer.
   */
  public void refreshDue(java.time.Duration every, Actor actor) {
    OffsetDateTime due = now().minus(every);
    for (BlocklistSource s : sources()) {
      if (s.enabled() && (s.lastAttemptAt() == null || s.lastAttemptAt().isBefore(due))) {
        try {
          refresh(s.id(), actor);
        } catch (RuntimeException e) {
          // One list's trouble does not keep the others from their refresh.
          LOG.log(Level.WARNING, "Refreshing list " + s.name() + " failed: " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * The enabled lists' good copies for a direction, by source id; a list without a good copy is
   * left out (it has nothing to apply).
   *
   * @throws CopyUnreadableException when a list's good copy cannot be read back (a damaged disk):
   *     leaving it out would take its entries off the nodes, so nothing is computed until the list
   *     is downloaded again (due at once for the timer) or disabled
   */
  public Map<Long, NetworkList> copies(Direction direction) {
    Map<Long, NetworkList> out = new LinkedHashMap<>();
    for (BlocklistSource s : sources()) {
      if (s.enabled() && s.hasCopy() && s.direction() == direction) {
        out.put(s.id(), copy(s));
      }
    }
    return out;
  }

  /** A list's good copy that cannot be read back. */
  public static final class CopyUnreadableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    CopyUnreadableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private NetworkList copy(BlocklistSource source) {
    NetworkList cached = copies.get(source.id());
    if (cached != null) {
      return cached;
    }
    try {
      NetworkList read = NetworkList.readFrom(file(source.id()));
      copies.put(source.id(), read);
      return read;
    } catch (IOException | RuntimeException e) {
      String error =
          "the stored copy cannot be read ("
              + e.getMessage()
              + "); the nodes keep what they have until the list is downloaded again";
      if (!error.equals(source.lastError())) {
        LOG.log(Level.WARNING, "List " + source.name() + ": " + error);
        tx.run(() -> repository.getSource(source.id()).copyLost(error));
      }
      throw new CopyUnreadableException(source.name() + ": " + error, e);
    }
  }

  private Path file(long id) {
    return dir.resolve(id + ".list");
  }

  private static String name(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > MAX_NAME) {
      throw InvalidInputException.of("name", "blocklist.source.name.invalid");
    }
    return clean;
  }

  private static String url(String url) {
    String clean = url == null ? "" : url.strip();
    try {
      URI uri = URI.create(clean);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (clean.length() > MAX_URL
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getPort() == 0
          || uri.getPort() > 65535) {
        throw new IllegalArgumentException();
      }
      return clean;
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("url", "blocklist.source.url.invalid");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
