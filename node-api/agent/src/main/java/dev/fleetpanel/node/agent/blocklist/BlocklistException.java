package dev.fleetpanel.node.agent.blocklist;

/**
 * A blocklist request that cannot be done, with the HTTP status to answer and, for a delta against
 * another version (409), the node's current version. Nothing was changed, except for status 500 (a
 * tool failed; the message says what and the lists are re-read).
 */
public final class BlocklistException extends Exception {

  private final int status;
  private final String version;

  private BlocklistException(int status, String message, String version) {
    super(message);
    this.status = status;
    this.version = version;
  }

  static BlocklistException malformed(String message) {
    return new BlocklistException(400, message, null);
  }

  /** A bad path or query parameter: 422. */
  public static BlocklistException badParameter(String message) {
    return new BlocklistException(422, message, null);
  }

  static BlocklistException invalid(String message) {
    return new BlocklistException(422, message, null);
  }

  static BlocklistException tooLarge(String message) {
    return new BlocklistException(413, message, null);
  }

  static BlocklistException unsupportedEncoding(String encoding) {
    return new BlocklistException(
        415, "Content-Encoding " + encoding + " is not supported (gzip or none)", null);
  }

  static BlocklistException versionMismatch(String current) {
    return new BlocklistException(
        409, dev.fleetpanel.node.blocklist.BlocklistApi.VERSION_MISMATCH, current);
  }

  static BlocklistException unavailable(String message) {
    return new BlocklistException(503, "blocklist unavailable: " + message, null);
  }

  static BlocklistException failed(String message) {
    return new BlocklistException(500, message, null);
  }

  public int status() {
    return status;
  }

  /** The node's current version, for a 409; null otherwise. */
  public String version() {
    return version;
  }
}
