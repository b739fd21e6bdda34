package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.blocklist.list.ListParser;
import dev.fleetpanel.panel.blocklist.list.ListParser.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What someone typed or pasted as rules, read as a list is ({@link ListParser}: one address,
 * network or range per line, comments and blank lines skipped): the networks taken, merged
 * (overlapping and adjacent ones become one, a range becomes its networks), and the lines not taken
 * with why: garbage, or a non-public range (refused as the nodes would refuse it).
 */
public record RuleInput(
    List<String> networks, int lines, int garbage, int refused, List<Problem> problems) {

  /**
   * @throws IllegalArgumentException when the text holds more than {@code maxEntries} networks or
   *     more than 16 MB
   */
  public static RuleInput parse(String text, int maxEntries) {
    ListParser.Parsed parsed;
    try {
      parsed =
          ListParser.parse(
              text == null ? "" : text, new ListParser.Limits(maxEntries, 16L * 1024 * 1024));
    } catch (ListParser.TooLargeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<String> networks = new ArrayList<>((int) Math.min(parsed.list().size(), maxEntries));
    parsed.list().forEach(networks::add);
    return new RuleInput(
        List.copyOf(networks),
        parsed.accepted() + parsed.garbage() + parsed.refused(),
        parsed.garbage(),
        parsed.refused(),
        parsed.problems());
  }
}
