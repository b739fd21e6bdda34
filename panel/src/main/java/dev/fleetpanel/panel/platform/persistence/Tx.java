package dev.fleetpanel.panel.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Supplier;

/**
 * Runs work in one resource-local transaction bound to the calling thread; repositories use {@link
 * #em()}. A nested call joins the transaction already open. A runtime exception rolls everything
 * back.
 */
public final class Tx {
  private final EntityManagerFactory emf;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  public Tx(EntityManagerFactory emf) {
    this.emf = emf;
  }

  public <T> T call(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    EntityManager em = emf.createEntityManager();
    current.set(em);
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.get();
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      current.remove();
      em.close();
    }
  }

  public void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /** The entity manager of the transaction open on this thread. */
  public EntityManager em() {
    EntityManager em = current.get();
    if (em == null) {
      throw new IllegalStateException(
          "no transaction open on this thread: wrap the call in Tx.call");
    }
    return em;
  }
}
