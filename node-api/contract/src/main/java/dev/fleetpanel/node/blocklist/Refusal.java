package dev.fleetpanel.node.blocklist;

/**
 * An entry the agent would not block, with why: {@code reason} starts with a code, {@code
 * non_public}, {@code own_address} or {@code panel_address}, then a colon and the detail (for
 * example {@code "non_public: overlaps 10.0.0.0/8 (private network)"}).
 */
public record Refusal(String ip, String reason) {

  public static final String NON_PUBLIC = "non_public";
  public static final String OWN_ADDRESS = "own_address";
  public static final String PANEL_ADDRESS = "panel_address";

  public static Refusal of(String ip, String code, String detail) {
    return new Refusal(ip, code + ": " + detail);
  }

  /** The code before the colon. */
  public String code() {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
