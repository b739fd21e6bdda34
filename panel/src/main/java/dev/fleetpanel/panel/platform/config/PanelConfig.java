package dev.fleetpanel.panel.platform.config;

import dev.fleetpanel.node.net.Cidr;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the panel reads from its environment, validated once at start-up.
 *
 * <p>Only {@code FLEETPANEL_DEV=true} (set by {@code bin/fleetpanel dev}) may run without a
 * database URL: it then uses an embedded H2 file database under {@link #dataDir()}.
 *
 * @param port the HTTP port the launcher gave the panel ({@code FLEETPANEL_PORT})
 * @param devAgentPort the local agent's port under the dev command ({@code FLEETPANEL_NODE_PORT})
 */
public record PanelConfig(
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    boolean devMode,
    Path dataDir,
    Optional<String> uid,
    Optional<String> adminPassword,
    Duration sessionIdle,
    Duration sessionMax,
    List<Cidr> trustedProxies,
    Optional<URI> publicUrl,
    int port,
    int devAgentPort) {

  /**
   * Thrown when the environment cannot start a panel; the message tells the operator what to set.
   */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  public static PanelConfig from(Function<String, Optional<String>> env) {
    boolean dev = env.apply("FLEETPANEL_DEV").map(Boolean::parseBoolean).orElse(false);
    Optional<String> url =
        env.apply("FLEETPANEL_DB_URL").map(String::trim).filter(s -> !s.isEmpty());
    if (url.isEmpty() && !dev) {
      throw new InvalidConfigException(
          "FLEETPANEL_DB_URL is not set. Point it at PostgreSQL, e.g. "
              + "FLEETPANEL_DB_URL=jdbc:postgresql://127.0.0.1:5432/fleetpanel with FLEETPANEL_DB_USER and "
              + "FLEETPANEL_DB_PASSWORD. Only 'bin/fleetpanel dev' runs on the embedded database.");
    }
    Optional<String> uid = env.apply("FLEETPANEL_UID").map(String::trim).filter(s -> !s.isEmpty());
    uid.ifPresent(PanelConfig::checkUid);
    return new PanelConfig(
        url,
        env.apply("FLEETPANEL_DB_USER").orElse("fleetpanel"),
        env.apply("FLEETPANEL_DB_PASSWORD").orElse(""),
        dev,
        Path.of(env.apply("FLEETPANEL_DATA").orElse("./data")).toAbsolutePath().normalize(),
        uid,
        env.apply("FLEETPANEL_ADMIN_PASSWORD").map(String::strip).filter(s -> !s.isEmpty()),
        Duration.ofMinutes(bounded(env, "FLEETPANEL_SESSION_IDLE_MINUTES", 60, 7 * 24 * 60)),
        Duration.ofHours(bounded(env, "FLEETPANEL_SESSION_MAX_HOURS", 24, 365 * 24)),
        env.apply("FLEETPANEL_TRUSTED_PROXIES").map(PanelConfig::parseProxies).orElse(List.of()),
        env.apply("FLEETPANEL_PUBLIC_URL")
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .map(PanelConfig::parseUrl),
        (int) bounded(env, "FLEETPANEL_PORT", 8080, 65535),
        (int) bounded(env, "FLEETPANEL_NODE_PORT", 9100, 65535));
  }

  /**
   * The JDBC URL to use: the configured one, or in dev mode the embedded H2 file in PostgreSQL
   * mode.
   */
  public String jdbcUrl() {
    return dbUrl.orElseGet(
        () ->
            "jdbc:h2:file:"
                + dataDir.resolve("fleetpanel")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
  }

  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  static void checkUid(String uid) {
    if (!uid.matches("[0-9a-f]{16,64}")) {
      throw new InvalidConfigException("FLEETPANEL_UID must be 16 to 64 lowercase hex characters.");
    }
  }

  private static long bounded(
      Function<String, Optional<String>> env, String name, long fallback, long max) {
    String raw = env.apply(name).orElse(null);
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value > 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigException(
        name + " must be a whole number from 1 to " + max + ", got '" + raw + "'.");
  }

  private static URI parseUrl(String raw) {
    try {
      URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new InvalidConfigException(
        "FLEETPANEL_PUBLIC_URL must be an http(s) URL such as https://panel.example.com, got '"
            + raw
            + "'.");
  }

  private static List<Cidr> parseProxies(String raw) {
    try {
      return Arrays.stream(raw.split("[,\\s]+"))
          .filter(s -> !s.isBlank())
          .map(Cidr::parse)
          .toList();
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException("FLEETPANEL_TRUSTED_PROXIES: " + e.getMessage());
    }
  }
}
