package dev.fleetpanel.panel.platform.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fleetpanel.panel.platform.config.PanelConfig;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The panel's database: a connection pool, the Flyway-migrated schema and the JPA unit on top of
 * it.
 *
 * <p>Flyway owns the schema; JPA never generates DDL. The persistence unit lives in {@code
 * META-INF/fleetpanel-persistence.xml} so the container does not deploy it a second time.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  private final HikariDataSource dataSource;
  private final EntityManagerFactory emf;
  private final SqlDialect dialect;

  private Database(HikariDataSource dataSource, EntityManagerFactory emf, SqlDialect dialect) {
    this.dataSource = dataSource;
    this.emf = emf;
    this.dialect = dialect;
  }

  public static Database open(PanelConfig config) {
    if (config.embeddedDatabase()) {
      LOG.warning(
          "Using the embedded H2 database at "
              + config.dataDir()
              + " (development only; set FLEETPANEL_DB_URL"
              + " to use PostgreSQL).");
    }
    SqlDialect dialect = SqlDialect.of(config.jdbcUrl());
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(config.jdbcUrl());
    pool.setDriverClassName(dialect.driverClass());
    pool.setUsername(config.embeddedDatabase() ? "sa" : config.dbUser());
    pool.setPassword(config.embeddedDatabase() ? "" : config.dbPassword());
    pool.setPoolName("fleetpanel");
    pool.setMaximumPoolSize(10);
    pool.setConnectionTimeout(10_000);
    // Start even when PostgreSQL is briefly away; requests then fail clearly until it is back.
    pool.setInitializationFailTimeout(30_000);
    HikariDataSource dataSource = new HikariDataSource(pool);
    try {
      migrate(dataSource, dialect);
      EntityManagerFactory emf =
          Persistence.createEntityManagerFactory(
              "fleetpanel",
              Map.of(
                  "eclipselink.persistencexml",
                  "META-INF/fleetpanel-persistence.xml",
                  "jakarta.persistence.nonJtaDataSource",
                  dataSource,
                  "jakarta.persistence.transactionType",
                  "RESOURCE_LOCAL",
                  "eclipselink.target-database",
                  dialect.eclipseLinkPlatform()));
      return new Database(dataSource, emf, dialect);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Common migrations from {@code db/migration}, and the few that differ per database (the
   * partitioned sample table on PostgreSQL) from {@code db/postgresql} or {@code db/h2}; versions
   * are unique across both folders.
   */
  static void migrate(DataSource dataSource, SqlDialect dialect) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations(
            "classpath:db/migration", "classpath:db/" + dialect.name().toLowerCase(Locale.ROOT))
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public EntityManagerFactory entityManagerFactory() {
    return emf;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    if (emf.isOpen()) {
      emf.close();
    }
    dataSource.close();
  }
}
