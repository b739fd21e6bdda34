package dev.fleetpanel.panel.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Failed logins of one client IP within the current window, and its ban if it has one. */
@Entity
@Table(name = "login_failures")
public class LoginFailure {
  @Id private String ip;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "window_start", nullable = false)
  private OffsetDateTime windowStart;

  @Column(name = "banned_until")
  private OffsetDateTime bannedUntil;

  protected LoginFailure() {}

  LoginFailure(String ip, OffsetDateTime windowStart) {
    this.ip = ip;
    this.windowStart = windowStart;
  }

  String ip() {
    return ip;
  }

  int attempts() {
    return attempts;
  }

  OffsetDateTime windowStart() {
    return windowStart;
  }

  OffsetDateTime bannedUntil() {
    return bannedUntil;
  }

  void restartWindow(OffsetDateTime at) {
    windowStart = at;
    attempts = 0;
  }

  void countFailure() {
    attempts++;
  }

  void banUntil(OffsetDateTime until) {
    bannedUntil = until;
    attempts = 0;
  }
}
