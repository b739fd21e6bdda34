package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.RuleInput;
import dev.fleetpanel.panel.blocklist.RuleService;
import java.util.List;

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

  static AddedJson of(RuleService.Added a) {
    RuleInput in = a.input();
    return new AddedJson(
        true,
        a.rules().size(),
        a.duplicates(),
        in.garbage(),
        in.refused(),
        a.rules().stream().map(RuleJson::of).toList(),
        in.problems().stream()
            .map(
                p ->
                    new ProblemJson(
                        p.line(), p.text(), p.reason(), p.garbage() ? "garbage" : "refused"))
            .toList());
  }
}
