package dev.fleetpanel.node.agent.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/net/dev}: two header lines (recognised by their {@code |}), then one line per
 * interface, {@code name: 8 receive counters 8 transmit counters}. The first {@code :} ends the
 * name; the kernel may print no space after it ({@code docker0:73400320}). Of each direction the
 * bytes, packets, errs and drop columns are kept, as unsigned 64-bit values.
 *
 * <p>Lines that do not have that shape (fewer than 16 numeric fields, a negative or non-numeric
 * counter, a name with a {@code /} or whitespace, a truncated last line) are skipped, as is a
 * second line for a name already seen.
 */
public final class NetDevParser {

  private static final int FIELDS = 16;
  private static final int TX_OFFSET = 8;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private NetDevParser() {}

  public static List<NetDevCounters> parse(String text) {
    return parse(text.lines().toList());
  }

  public static List<NetDevCounters> parse(List<String> lines) {
    List<NetDevCounters> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      parseLine(line).filter(c -> seen.add(c.name())).ifPresent(result::add);
    }
    return List.copyOf(result);
  }

  static Optional<NetDevCounters> parseLine(String line) {
    int colon = line.indexOf(':');
    if (colon < 0 || line.indexOf('|') >= 0) {
      return Optional.empty();
    }
    String name = line.substring(0, colon).strip();
    String rest = line.substring(colon + 1).strip();
    if (!isInterfaceName(name) || rest.isEmpty()) {
      return Optional.empty();
    }
    String[] f = WHITESPACE.split(rest);
    if (f.length < FIELDS) {
      return Optional.empty();
    }
    try {
      long[] v = new long[FIELDS];
      for (int i = 0; i < FIELDS; i++) {
        v[i] = Long.parseUnsignedLong(f[i]);
      }
      int t = TX_OFFSET;
      return Optional.of(
          new NetDevCounters(name, v[0], v[1], v[2], v[3], v[t], v[t + 1], v[t + 2], v[t + 3]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A name that is safe to use as one path segment under {@code /sys/class/net}. */
  static boolean isInterfaceName(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return false;
    }
    return name.chars().noneMatch(c -> c == '/' || c == ':' || c <= ' ' || c == 0x7f);
  }
}
