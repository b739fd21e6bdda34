package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.RuleInput;
import dev.fleetpanel.panel.blocklist.RuleService;
import java.util.List;
import java.util.Locale;

/**
 * What an addition did: {@code {success, added, duplicates, garbage, refused, rules: [...],
 * problems: [{line, text, reason, kind (garbage|refused)}]}} (the first 100 problems).
 */
public record AddedJson(
    boolean success,
    int added,
    int duplicates,
    int garbage,
    int refused,
    List<RuleJson> rules,
    List<ProblemJson> problems) {

  /** A line that was not taken. */
  public record ProblemJson(int line, String text, String reason, String kind) {}

  /** The problems of {@code in} as the API shows them. */
  static List<ProblemJson> problems(RuleInput in) {
    return in.problems().stream()
        .map(
            p ->
                new ProblemJson(
                    p.line(), p.text(), p.reason(), p.kind().name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  static AddedJson of(RuleService.Added a) {
    RuleInput in = a.input();
    return new AddedJson(
        true,
        a.rules().size(),
        a.duplicates(),
        in.garbage(),
        in.refused(),
        a.rules().stream().map(RuleJson::of).toList(),
        problems(in));
  }
}
