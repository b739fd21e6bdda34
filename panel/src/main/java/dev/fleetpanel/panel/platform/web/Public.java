package dev.fleetpanel.panel.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method (or class) reachable without signing in; everything else needs a session or API
 * token.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Public {
  /** Whether the matched resource method is public. */
  final class Check {
    private Check() {}

    static boolean isPublic(jakarta.ws.rs.container.ResourceInfo info) {
      return info.getResourceMethod() != null
          && (info.getResourceMethod().isAnnotationPresent(Public.class)
              || info.getResourceClass().isAnnotationPresent(Public.class));
    }
  }
}
