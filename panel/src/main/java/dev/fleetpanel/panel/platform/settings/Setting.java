package dev.fleetpanel.panel.platform.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One key/value row of panel settings. */
@Entity
@Table(name = "panel_settings")
public class Setting {
  @Id
  @Column(name = "setting_key")
  private String key;

  @Column(name = "setting_value", nullable = false)
  private String value;

  protected Setting() {}

  public Setting(String key, String value) {
    this.key = key;
    this.value = value;
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }

  public void value(String value) {
    this.value = value;
  }
}
