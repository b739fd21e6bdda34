package dev.fleetpanel.panel.platform.settings;

import dev.fleetpanel.panel.platform.persistence.Tx;
import java.util.Optional;

/** Panel-wide key/value settings; callers run inside {@link Tx#call}. */
public class SettingsRepository {
  private final Tx tx;

  public SettingsRepository(Tx tx) {
    this.tx = tx;
  }

  public Optional<String> find(String key) {
    return Optional.ofNullable(tx.em().find(Setting.class, key)).map(Setting::value);
  }

  public void put(String key, String value) {
    Setting existing = tx.em().find(Setting.class, key);
    if (existing == null) {
      tx.em().persist(new Setting(key, value));
    } else {
      existing.value(value);
    }
  }
}
