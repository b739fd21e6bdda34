package dev.fleetpanel.panel.audit;

/**
 * Who made a change and from where: {@code admin} for the browser session, {@code token:NAME} for
 * scripts.
 */
public record Actor(String name, String ip) {
  public static Actor system() {
    return new Actor("system", "-");
  }
}
