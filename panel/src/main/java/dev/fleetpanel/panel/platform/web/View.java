package dev.fleetpanel.panel.platform.web;

import java.util.HashMap;
import java.util.Map;

/**
 * A page or fragment to render: {@code template} is a path under {@code WEB-INF/templates/} without
 * {@code .html}; {@code fragment} is the {@code th:fragment} an htmx request gets (null: always the
 * whole page).
 */
public record View(String template, String fragment, Map<String, Object> model) {

  public static View page(String template) {
    return new View(template, null, new HashMap<>());
  }

  /** A page whose {@code fragment} alone is sent to htmx requests. */
  public static View page(String template, String fragment) {
    return new View(template, fragment, new HashMap<>());
  }

  /** Only this fragment, whoever asks (for htmx endpoints that swap part of a page). */
  public static View fragment(String template, String fragment) {
    return new View(template, "!" + fragment, new HashMap<>());
  }

  public View with(String name, Object value) {
    model.put(name, value);
    return this;
  }

  /** The fragment to render for this request, or null for the whole page. */
  String selector(boolean htmxPartial) {
    if (fragment == null) {
      return null;
    }
    if (fragment.startsWith("!")) {
      return fragment.substring(1);
    }
    return htmxPartial ? fragment : null;
  }
}
