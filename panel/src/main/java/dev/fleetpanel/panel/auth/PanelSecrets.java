package dev.fleetpanel.panel.auth;

import dev.fleetpanel.panel.platform.config.PanelConfig;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.platform.settings.SettingsRepository;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The panel's secrets, created on first start and kept in {@code panel_settings}: the secret URL
 * path (uid), the admin password hash, the session signing key and the token version that a
 * password change bumps.
 */
public final class PanelSecrets {
  static final String UID = "secret.uid";
  static final String PASSWORD_HASH = "secret.admin_password_hash";
  static final String SIGNING_KEY = "secret.session_key";
  static final String TOKEN_VERSION = "secret.token_version";

  /** What the first start generated, to be shown to the operator once. */
  public record FirstStart(Optional<String> generatedPassword) {}

  private final Tx tx;
  private final SettingsRepository settings;
  private final String uid;
  private final byte[] signingKey;
  private final AtomicReference<String> passwordHash;
  private final AtomicLong tokenVersion;

  private PanelSecrets(
      Tx tx, SettingsRepository settings, String uid, byte[] key, String hash, long version) {
    this.tx = tx;
    this.settings = settings;
    this.uid = uid;
    this.signingKey = key;
    this.passwordHash = new AtomicReference<>(hash);
    this.tokenVersion = new AtomicLong(version);
  }

  /**
   * Loads the secrets, creating what is missing. {@code FLEETPANEL_UID} and {@code
   * FLEETPANEL_ADMIN_PASSWORD} override the stored values; a changed password revokes every
   * session.
   */
  public static PanelSecrets load(
      Tx tx, PanelConfig config, AtomicReference<FirstStart> firstStart) {
    SettingsRepository settings = new SettingsRepository(tx);
    return tx.call(
        () -> {
          String uid =
              config
                  .uid()
                  .orElseGet(() -> settings.find(UID).orElseGet(() -> Secrets.randomHex(12)));
          settings.put(UID, uid);
          String key =
              settings
                  .find(SIGNING_KEY)
                  .orElseGet(() -> Base64.getEncoder().encodeToString(randomKey()));
          settings.put(SIGNING_KEY, key);
          long version = settings.find(TOKEN_VERSION).map(Long::parseLong).orElse(1L);
          Optional<String> hash = settings.find(PASSWORD_HASH);
          Optional<String> generated = Optional.empty();
          if (config.adminPassword().isPresent()) {
            String wanted = config.adminPassword().get();
            if (hash.isEmpty() || !PasswordHasher.matches(wanted, hash.get())) {
              hash = Optional.of(PasswordHasher.hash(wanted));
              version++;
            }
          } else if (hash.isEmpty()) {
            generated = Optional.of(Secrets.randomHex(12));
            hash = Optional.of(PasswordHasher.hash(generated.get()));
          }
          settings.put(PASSWORD_HASH, hash.get());
          settings.put(TOKEN_VERSION, Long.toString(version));
          firstStart.set(new FirstStart(generated));
          return new PanelSecrets(
              tx, settings, uid, Base64.getDecoder().decode(key), hash.get(), version);
        });
  }

  private static byte[] randomKey() {
    return HexFormat.of().parseHex(Secrets.randomHex(32));
  }

  public String uid() {
    return uid;
  }

  public byte[] signingKey() {
    return signingKey.clone();
  }

  public long tokenVersion() {
    return tokenVersion.get();
  }

  public boolean passwordMatches(String password) {
    return PasswordHasher.matches(password, passwordHash.get());
  }

  /** Stores a new password hash and bumps the token version, which ends every existing session. */
  public long changePassword(String newPassword) {
    String hash = PasswordHasher.hash(newPassword);
    long version =
        tx.call(
            () -> {
              long next = settings.find(TOKEN_VERSION).map(Long::parseLong).orElse(1L) + 1;
              settings.put(PASSWORD_HASH, hash);
              settings.put(TOKEN_VERSION, Long.toString(next));
              return next;
            });
    passwordHash.set(hash);
    tokenVersion.set(version);
    return version;
  }

  /**
   * The CSRF token of a session: an HMAC of its id, so it needs no storage and dies with the
   * session.
   */
  public String csrfToken(String sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      byte[] sig = mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
