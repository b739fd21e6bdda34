package dev.fleetpanel.panel.platform.persistence;

/**
 * The few statements PostgreSQL and H2 (PostgreSQL mode, used only by the dev command) write
 * differently. Standard SQL, including {@code MERGE}, stays in the repositories.
 */
public enum SqlDialect {
  POSTGRESQL(
      "org.postgresql.Driver", "org.eclipse.persistence.platform.database.PostgreSQLPlatform"),
  // H2 runs in PostgreSQL mode: EclipseLink's H2 platform reads identities with CALL IDENTITY(),
  // which H2 2.x
  // dropped, while PostgreSQL's lastval() works there too.
  H2("org.h2.Driver", "org.eclipse.persistence.platform.database.PostgreSQLPlatform");

  private final String driverClass;
  private final String eclipseLinkPlatform;

  SqlDialect(String driverClass, String eclipseLinkPlatform) {
    this.driverClass = driverClass;
    this.eclipseLinkPlatform = eclipseLinkPlatform;
  }

  public static SqlDialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "Unsupported database URL (PostgreSQL or, for dev, H2): " + jdbcUrl);
  }

  /**
   * The JDBC driver, named so the pool loads it directly: the server's start-up deregisters drivers
   * that the war registered with {@code DriverManager}.
   */
  String driverClass() {
    return driverClass;
  }

  String eclipseLinkPlatform() {
    return eclipseLinkPlatform;
  }
}
