package dev.fleetpanel.panel.blocklist.list;

import dev.fleetpanel.node.net.NonPublicRanges;
import dev.fleetpanel.node.net.NonPublicRanges.Range;
import dev.fleetpanel.panel.platform.i18n.Text;
import java.util.Locale;

/**
 * The texts of a refused line: a non-public range named by a key made from its English name ({@code
 * "shared address space, CGNAT"} is {@code blocklist.range.shared_address_space_cgnat}).
 */
public final class ProblemTexts {

  private ProblemTexts() {}

  /** "overlaps 10.0.0.0/8 (private network)", or outside IPv6 global unicast. */
  static Text overlaps(Range range) {
    if (range.equals(NonPublicRanges.GLOBAL_UNICAST)) {
      return Text.of("blocklist.why.outside_global", range.network());
    }
    return Text.of("blocklist.why.overlaps", range.network(), Text.of(rangeKey(range)));
  }

  /** The message key of a range's name. */
  public static String rangeKey(Range range) {
    String slug = range.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return "blocklist.range." + slug.replaceAll("^_|_$", "");
  }
}
