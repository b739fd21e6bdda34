package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import java.util.Map;

/**
 * Text with lines but nothing in them that can be blocked; {@link #input} says line by line why.
 */
public class NothingToBlockException extends InvalidInputException {
  private final transient RuleInput input;

  NothingToBlockException(RuleInput input) {
    super(Map.of("ip", "blocklist.ip.none"));
    this.input = input;
  }

  public RuleInput input() {
    return input;
  }
}
