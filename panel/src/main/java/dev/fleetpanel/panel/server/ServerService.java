package dev.fleetpanel.panel.server;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Adds, edits, orders and removes servers and folders. Every change is audited in the same
 * transaction.
 */
public final class ServerService {
  /** A folder (null for servers in none) with its servers in display order. */
  public record Group(Folder folder, List<Server> servers) {}

  private static final Map<String, String> FIELDS =
      Map.of("name", "name", "address", "address", "agentPort", "agent_port", "notes", "notes");

  private final Tx tx;
  private final ServerRepository repository;
  private final AuditService audit;
  private final Validator validator;
  private final Clock clock;
  private final List<ServerRemovalListener> removalListeners = new CopyOnWriteArrayList<>();

  public ServerService(Tx tx, AuditService audit, Validator validator, Clock clock) {
    this.tx = tx;
    this.repository = new ServerRepository(tx);
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  /** Registers a feature to be told, inside the transaction, when a server is removed. */
  public void onRemoval(ServerRemovalListener listener) {
    removalListeners.add(listener);
  }

  /** Folders in order, each with its servers; servers in no folder come last. */
  public List<Group> overview() {
    return tx.call(
        () -> {
          Map<Long, List<Server>> byFolder = new LinkedHashMap<>();
          List<Server> unfiled = new ArrayList<>();
          for (Server s : repository.findAll()) {
            if (s.folder() == null) {
              unfiled.add(s);
            } else {
              byFolder.computeIfAbsent(s.folder().id(), k -> new ArrayList<>()).add(s);
            }
          }
          List<Group> groups = new ArrayList<>();
          for (Folder f : repository.findFolders()) {
            groups.add(new Group(f, byFolder.getOrDefault(f.id(), List.of())));
          }
          groups.add(new Group(null, unfiled));
          return groups;
        });
  }

  public List<Server> list() {
    return tx.call(repository::findAll);
  }

  public List<Folder> folders() {
    return tx.call(repository::findFolders);
  }

  public Server get(long id) {
    return tx.call(() -> repository.getServer(id));
  }

  public Server create(ServerForm form, Actor actor) {
    return create(form, true, actor);
  }

  /** Adds a server, monitored or not, in one transaction with its audit entry. */
  public Server create(ServerForm form, boolean active, Actor actor) {
    return tx.call(
        () -> {
          Folder folder = check(form, null);
          Server server = new Server(now());
          server.apply(form, folder, now());
          server.active(active, now());
          server.position(repository.findInFolder(folder).size());
          repository.add(server);
          tx.em().flush();
          audit.record(actor, "server.create", server.name(), describe(server));
          return server;
        });
  }

  public Server update(long id, ServerForm form, Actor actor) {
    return tx.call(
        () -> {
          Server server = repository.getServer(id);
          Folder folder = check(form, id);
          Folder before = server.folder();
          String old = describe(server);
          server.apply(form, folder, now());
          if (!sameFolder(before, folder)) {
            server.position(repository.findInFolder(folder).size());
          }
          audit.record(actor, "server.update", server.name(), old + " -> " + describe(server));
          return server;
        });
  }

  public Server setActive(long id, boolean active, Actor actor) {
    return tx.call(
        () -> {
          Server server = repository.getServer(id);
          server.active(active, now());
          audit.record(actor, active ? "server.enable" : "server.disable", server.name(), null);
          return server;
        });
  }

  public void delete(long id, Actor actor) {
    tx.run(
        () -> {
          Server server = repository.getServer(id);
          removalListeners.forEach(listener -> listener.removing(server, actor));
          repository.remove(server);
          audit.record(actor, "server.delete", server.name(), describe(server));
        });
  }

  /** Moves a server one place up ({@code -1}) or down ({@code +1}) within its folder. */
  public void move(long id, int direction, Actor actor) {
    tx.run(
        () -> {
          Server server = repository.getServer(id);
          List<Server> siblings = new ArrayList<>(repository.findInFolder(server.folder()));
          if (swap(siblings, siblings.indexOf(server), direction)) {
            for (int i = 0; i < siblings.size(); i++) {
              siblings.get(i).position(i);
            }
            audit.record(actor, "server.move", server.name(), direction < 0 ? "up" : "down");
          }
        });
  }

  /**
   * Puts the listed servers into a folder (null: no folder) in this order, as a drag and drop on
   * the dashboard leaves them; servers of that folder left out of the list keep their order after
   * the listed ones, and the folders they came from close their gaps. Unknown or repeated ids
   * change nothing.
   *
   * @throws InvalidInputException for an unknown folder or server, or a repeated id
   */
  public void place(Long folderId, List<Long> orderedIds, Actor actor) {
    tx.run(
        () -> {
          Folder folder = null;
          if (folderId != null) {
            folder =
                repository
                    .findFolder(folderId)
                    .orElseThrow(
                        () -> InvalidInputException.of("folder_id", "server.folder.unknown"));
          }
          List<Server> placed = new ArrayList<>();
          for (Long id : orderedIds) {
            Server server =
                repository
                    .findServer(id)
                    .orElseThrow(() -> InvalidInputException.of("ids", "server.order.invalid"));
            if (placed.contains(server)) {
              throw InvalidInputException.of("ids", "server.order.invalid");
            }
            placed.add(server);
          }
          List<Folder> left = new ArrayList<>();
          for (Server server : placed) {
            Folder from = server.folder();
            if (!sameFolder(from, folder)) {
              audit.record(
                  actor,
                  "server.move",
                  server.name(),
                  folderName(from) + " -> " + folderName(folder));
              server.folder(folder, now());
              left.add(from);
            }
          }
          List<Server> order = new ArrayList<>(placed);
          for (Server other : repository.findInFolder(folder)) {
            if (!order.contains(other)) {
              order.add(other);
            }
          }
          renumber(order);
          for (Folder from : left) {
            renumber(
                repository.findInFolder(from).stream().filter(s -> !placed.contains(s)).toList());
          }
          audit.record(
              actor,
              "servers.order",
              folderName(folder),
              String.join(", ", order.stream().map(Server::name).toList()));
        });
  }

  private static void renumber(List<Server> servers) {
    for (int i = 0; i < servers.size(); i++) {
      servers.get(i).position(i);
    }
  }

  private static String folderName(Folder folder) {
    return folder == null ? "(no folder)" : folder.name();
  }

  public Folder createFolder(String name, Actor actor) {
    return tx.call(
        () -> {
          String clean = checkFolderName(name, null);
          Folder folder = new Folder(clean, repository.findFolders().size());
          repository.add(folder);
          audit.record(actor, "folder.create", clean, null);
          return folder;
        });
  }

  public void renameFolder(long id, String name, Actor actor) {
    tx.run(
        () -> {
          Folder folder = repository.getFolder(id);
          String clean = checkFolderName(name, id);
          audit.record(actor, "folder.rename", folder.name(), "-> " + clean);
          folder.rename(clean);
        });
  }

  public void deleteFolder(long id, Actor actor) {
    tx.run(
        () -> {
          Folder folder = repository.getFolder(id);
          int offset = repository.findInFolder(null).size();
          List<Server> members = repository.findInFolder(folder);
          for (int i = 0; i < members.size(); i++) {
            members.get(i).position(offset + i);
          }
          repository.remove(folder);
          audit.record(
              actor,
              "folder.delete",
              folder.name(),
              members.size() + " servers moved to no folder");
        });
  }

  public void moveFolder(long id, int direction, Actor actor) {
    tx.run(
        () -> {
          List<Folder> folders = new ArrayList<>(repository.findFolders());
          Folder folder = repository.getFolder(id);
          if (swap(folders, folders.indexOf(folder), direction)) {
            for (int i = 0; i < folders.size(); i++) {
              folders.get(i).position(i);
            }
            audit.record(actor, "folder.move", folder.name(), direction < 0 ? "up" : "down");
          }
        });
  }

  private Folder check(ServerForm form, Long selfId) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ConstraintViolation<ServerForm> v : validator.validate(form)) {
      String field =
          FIELDS.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString());
      errors.putIfAbsent(field, v.getMessageTemplate().replaceAll("[{}]", ""));
    }
    if (form.name() != null && !errors.containsKey("name")) {
      repository
          .findByNameIgnoreCase(form.name())
          .filter(s -> !s.id().equals(selfId))
          .ifPresent(s -> errors.put("name", "server.name.duplicate"));
    }
    Folder folder = null;
    if (form.folderId() != null) {
      folder = repository.findFolder(form.folderId()).orElse(null);
      if (folder == null) {
        errors.put("folder_id", "server.folder.unknown");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return folder;
  }

  private String checkFolderName(String name, Long selfId) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 100) {
      throw InvalidInputException.of("folder_name", "folder.name.invalid");
    }
    repository
        .findFolderByNameIgnoreCase(clean)
        .filter(f -> !f.id().equals(selfId))
        .ifPresent(
            f -> {
              throw InvalidInputException.of("folder_name", "folder.name.duplicate");
            });
    return clean;
  }

  private static <T> boolean swap(List<T> items, int index, int direction) {
    int other = index + Integer.signum(direction);
    if (index < 0 || other < 0 || other >= items.size()) {
      return false;
    }
    Collections.swap(items, index, other);
    return true;
  }

  private static boolean sameFolder(Folder a, Folder b) {
    return a == null ? b == null : b != null && a.id().equals(b.id());
  }

  private static String describe(Server s) {
    return s.address()
        + ":"
        + s.agentPort()
        + (s.folder() == null ? "" : " in " + s.folder().name())
        + (s.active() ? "" : " (disabled)");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
