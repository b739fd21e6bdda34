package dev.fleetpanel.panel.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What the dashboard shows: a search over names, addresses and folders (at most 100 characters),
 * the order of cards within each folder, and the compact or detailed view. Read leniently from the
 * page's URL: an unknown sort or view is the default, never an error.
 */
public record DashboardQuery(String search, Sort sort, boolean compact) {

  /** The order of cards within a folder. */
  public enum Sort {
    /** The order saved by drag and drop. */
    MANUAL,
    NAME,
    /** Highest CPU first. */
    CPU,
    /** Highest RAM use (percent) first. */
    RAM,
    /** Most traffic (down + up) first. */
    TRAFFIC,
    /** Offline first, then not polled yet, online, and monitoring off last. */
    STATUS;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final int SEARCH_MAX = 100;
  public static final DashboardQuery DEFAULT = new DashboardQuery("", Sort.MANUAL, false);

  public DashboardQuery {
    search = search == null ? "" : search.strip();
    if (search.length() > SEARCH_MAX) {
      search = search.substring(0, SEARCH_MAX);
    }
  }

  public static DashboardQuery of(String search, String sort, String view) {
    Sort order = Sort.MANUAL;
    for (Sort s : Sort.values()) {
      if (s.wire().equals(sort)) {
        order = s;
      }
    }
    return new DashboardQuery(search, order, "compact".equals(view));
  }

  /** Drag and drop saves an order only where the whole folder is shown in its saved order. */
  public boolean reorderable() {
    return sort == Sort.MANUAL && search.isEmpty();
  }

  public String view() {
    return compact ? "compact" : "detailed";
  }

  /**
   * The query as URL parameters ({@code ?q=...&sort=...&view=...}, URL-encoded, defaults left out),
   * or the empty string for the default: what links back to the dashboard carry.
   */
  public String toQueryString() {
    StringJoiner out = new StringJoiner("&", "?", "").setEmptyValue("");
    if (!search.isEmpty()) {
      out.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    }
    if (sort != Sort.MANUAL) {
      out.add("sort=" + sort.wire());
    }
    if (compact) {
      out.add("view=compact");
    }
    return out.toString();
  }

  boolean matches(String... texts) {
    if (search.isEmpty()) {
      return true;
    }
    String wanted = search.toLowerCase(Locale.ROOT);
    for (String text : texts) {
      if (text != null && text.toLowerCase(Locale.ROOT).contains(wanted)) {
        return true;
      }
    }
    return false;
  }
}
