package dev.fleetpanel.panel.testing;

import dev.fleetpanel.panel.platform.config.PanelConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: a new PostgreSQL database created through {@code
 * FLEETPANEL_TEST_DB_URL} (dropped on close), or an in-memory H2 in PostgreSQL mode as the dev
 * command uses.
 */
public final class TestDatabase implements AutoCloseable {
  public enum Engine {
    POSTGRESQL,
    H2
  }

  private static final String ADMIN_URL =
      env("FLEETPANEL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/fleetpanel_test");
  private static final String USER = env("FLEETPANEL_TEST_DB_USER", "fleetpanel");
  private static final String PASSWORD = env("FLEETPANEL_TEST_DB_PASSWORD", "fleetpanel");

  private final Engine engine;
  private final String name;
  private final String url;

  private TestDatabase(Engine engine, String name, String url) {
    this.engine = engine;
    this.name = name;
    this.url = url;
  }

  public static TestDatabase create(Engine engine) {
    return engine == Engine.POSTGRESQL ? postgres() : h2();
  }

  public static TestDatabase postgres() {
    SystemTests.assume(postgresReachable(), "PostgreSQL at " + ADMIN_URL);
    String name = "fp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
    }
    return new TestDatabase(
        Engine.POSTGRESQL, name, ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name);
  }

  public static TestDatabase h2() {
    String name = "fp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return new TestDatabase(
        Engine.H2,
        name,
        "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  public static boolean postgresReachable() {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public String url() {
    return url;
  }

  public String user() {
    return engine == Engine.H2 ? "sa" : USER;
  }

  public String password() {
    return engine == Engine.H2 ? "" : PASSWORD;
  }

  public Engine engine() {
    return engine;
  }

  /** The environment a panel needs to run on this database. */
  public Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("FLEETPANEL_DB_URL", url);
    env.put("FLEETPANEL_DB_USER", user());
    env.put("FLEETPANEL_DB_PASSWORD", password());
    return env;
  }

  /** A panel configuration on this database, with extra variables on top. */
  public PanelConfig config(Path dataDir, Map<String, String> extra) {
    Map<String, String> env = environment();
    env.put("FLEETPANEL_DATA", dataDir.toString());
    env.putAll(extra);
    return PanelConfig.from(k -> Optional.ofNullable(env.get(k)));
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user(), password());
  }

  @Override
  public void close() {
    if (engine == Engine.H2) {
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already gone
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
