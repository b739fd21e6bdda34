package dev.fleetpanel.panel.platform.persistence;

/**
 * The few statements PostgreSQL and H2 (PostgreSQL mode, used only by the dev command) write differently.
 * Standard SQL, including {@code MERGE}, stays in the repositories.
 */
public enum SqlDialect {
  POSTGRESQL("org.eclipse.persistence.platform.database.PostgreSQLPlatform"),
  // H2 runs in PostgreSQL mode: EclipseLink's H2 platform reads identities with CALL IDENTITY(), which H2 2.x
  // dropped, while PostgreSQL's lastval() works there too.
  H2("org.eclipse.persistence.platform.database.PostgreSQLPlatform");

  private final String eclipseLinkPlatform;

  SqlDialect(String eclipseLinkPlatform) {
    this.eclipseLinkPlatform = eclipseLinkPlatform;
  }

  public static SqlDialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException("Unsupported database URL (PostgreSQL or, for dev, H2): " + jdbcUrl);
  }

  String eclipseLinkPlatform() {
    return eclipseLinkPlatform;
  }
}
