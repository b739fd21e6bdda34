package dev.fleetpanel.panel.platform.web;

import java.util.function.UnaryOperator;

/**
 * htmx request headers (https://htmx.org/reference/#request_headers), read through a header lookup.
 */
public final class Htmx {
  private Htmx() {}

  public static boolean isHtmx(UnaryOperator<String> header) {
    return "true".equals(header.apply("HX-Request"));
  }

  /**
   * An htmx request that swaps part of a page: not a history restore and not a boosted navigation.
   */
  public static boolean wantsPartial(UnaryOperator<String> header) {
    return isHtmx(header)
        && !"true".equals(header.apply("HX-History-Restore-Request"))
        && !"true".equals(header.apply("HX-Boosted"));
  }
}
