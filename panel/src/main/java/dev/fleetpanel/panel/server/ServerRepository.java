package dev.fleetpanel.panel.server;

import dev.fleetpanel.panel.platform.errors.NotFoundException;
import dev.fleetpanel.panel.platform.persistence.Tx;
import java.util.List;
import java.util.Optional;

/** Servers and folders; callers run inside {@link Tx#call}. */
public class ServerRepository {
  private final Tx tx;

  public ServerRepository(Tx tx) {
    this.tx = tx;
  }

  public List<Server> findAll() {
    return tx.em()
        .createQuery("SELECT s FROM Server s ORDER BY s.position, s.id", Server.class)
        .getResultList();
  }

  public Optional<Server> findServer(long id) {
    return Optional.ofNullable(tx.em().find(Server.class, id));
  }

  public Server getServer(long id) {
    return findServer(id).orElseThrow(() -> new NotFoundException("server", id));
  }

  public Optional<Server> findByNameIgnoreCase(String name) {
    return tx.em()
        .createQuery("SELECT s FROM Server s WHERE LOWER(s.name) = :n", Server.class)
        .setParameter("n", name.strip().toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  /** Servers of one folder (null = no folder) in display order. */
  public List<Server> findInFolder(Folder folder) {
    String where = folder == null ? "s.folder IS NULL" : "s.folder = :f";
    var query =
        tx.em()
            .createQuery(
                "SELECT s FROM Server s WHERE " + where + " ORDER BY s.position, s.id",
                Server.class);
    if (folder != null) {
      query.setParameter("f", folder);
    }
    return query.getResultList();
  }

  public void add(Server server) {
    tx.em().persist(server);
  }

  public void remove(Server server) {
    tx.em().remove(server);
  }

  public List<Folder> findFolders() {
    return tx.em()
        .createQuery("SELECT f FROM Folder f ORDER BY f.position, f.id", Folder.class)
        .getResultList();
  }

  public Optional<Folder> findFolder(long id) {
    return Optional.ofNullable(tx.em().find(Folder.class, id));
  }

  public Folder getFolder(long id) {
    return findFolder(id).orElseThrow(() -> new NotFoundException("folder", id));
  }

  public Optional<Folder> findFolderByNameIgnoreCase(String name) {
    return tx.em()
        .createQuery("SELECT f FROM Folder f WHERE LOWER(f.name) = :n", Folder.class)
        .setParameter("n", name.strip().toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  public void add(Folder folder) {
    tx.em().persist(folder);
  }

  /** Removes a folder; its servers move to "no folder" (the schema says ON DELETE SET NULL). */
  public void remove(Folder folder) {
    tx.em()
        .createQuery("UPDATE Server s SET s.folder = NULL WHERE s.folder = :f")
        .setParameter("f", folder)
        .executeUpdate();
    tx.em().remove(folder);
  }
}
