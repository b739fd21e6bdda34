package dev.fleetpanel.node.blocklist;

/**
 * Names and limits of the agent's blocklist endpoints under {@code /api/ipset} (capability domain
 * {@code ipset}: GET needs {@code ro}, every change {@code rw}), shared by the agent and the panel.
 * Field names follow the seed's node API; the version fields are this project's.
 */
public final class BlocklistApi {

  public static final String PATH = "api/ipset";

  /** Entries one kernel set holds at most, per family ({@code maxelem}); a list holds as many. */
  public static final int MAX_ENTRIES = 1_000_000;

  /** Initial hash size of every set (the kernel grows it). */
  public static final int HASH_SIZE = 4096;

  /** Default lifetime of a temporary entry, in seconds; changed with {@code PUT timeout}. */
  public static final int DEFAULT_TEMP_TIMEOUT = 600;

  /** Longest lifetime a request may ask for, in seconds (30 days). */
  public static final int MAX_TIMEOUT = 2_592_000;

  /**
   * Longest timeout the kernel keeps, in seconds; an entry that must live longer is re-armed by the
   * agent until its real expiry.
   */
  public static final int KERNEL_MAX_TIMEOUT = 2_147_483;

  /** Invalid entries listed in an answer (the rest are counted). */
  public static final int INVALID_SHOWN = 10;

  /** Refused entries listed in an answer (the rest are counted). */
  public static final int REFUSED_SHOWN = 100;

  /** The 409 error of a delta whose {@code base_version} is not the node's current version. */
  public static final String VERSION_MISMATCH = "version_mismatch";

  // Request fields.
  public static final String IPS = "ips";
  public static final String IP = "ip";
  public static final String PERMANENT = "permanent";
  public static final String DIRECTION = "direction";
  public static final String TIMEOUT = "timeout";
  public static final String BASE_VERSION = "base_version";
  public static final String ADD = "add";
  public static final String REMOVE = "remove";

  // Answer fields.
  public static final String SUCCESS = "success";
  public static final String MESSAGE = "message";
  public static final String LIST = "list";
  public static final String VERSION = "version";
  public static final String TOTAL = "total";
  public static final String ADDED = "added";
  public static final String REMOVED = "removed";
  public static final String INVALID = "invalid";
  public static final String INVALID_COUNT = "invalid_count";
  public static final String REFUSED = "refused";
  public static final String REFUSED_COUNT = "refused_count";
  public static final String SKIPPED_NON_PUBLIC = "skipped_non_public";
  public static final String MODE = "mode";
  public static final String CONNECTIONS_CUT = "connections_cut";
  public static final String ERROR = "error";
  public static final String REASON = "reason";

  private BlocklistApi() {}

  /**
   * The largest request body (on the wire and, for gzip, once decompressed) that a sync or bulk
   * request of {@code maxEntries} entries needs: the longest entry quoted, with its comma, per
   * entry, plus 64 KiB for the other fields and white space. Bigger bodies get 413.
   */
  public static long maxBodyBytes(int maxEntries) {
    return (long) maxEntries * (EntryParser.MAX_LENGTH + 3) + 64 * 1024;
  }

  /**
   * The kernel set of a list and family: {@code blocklist[_out]_<permanent|temp>[_v6]}, at most 26
   * characters (the kernel allows 31, the staging set adds {@code _new}).
   */
  public static String setName(Direction direction, ListKind kind, boolean ipv6) {
    return "blocklist"
        + (direction == Direction.OUT ? "_out_" : "_")
        + kind.wire()
        + (ipv6 ? "_v6" : "");
  }
}
