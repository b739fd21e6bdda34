package dev.fleetpanel.panel.platform.errors;

import java.util.Map;

/**
 * Input a service refused, field by field. Values are message keys (see {@code
 * i18n/messages.properties}); pages show them next to the field, the JSON API answers 422 with
 * them.
 */
public class InvalidInputException extends RuntimeException {
  private final Map<String, String> errors;

  public InvalidInputException(Map<String, String> errors) {
    super("invalid input: " + errors);
    this.errors = Map.copyOf(errors);
  }

  public static InvalidInputException of(String field, String messageKey) {
    return new InvalidInputException(Map.of(field, messageKey));
  }

  public Map<String, String> errors() {
    return errors;
  }
}
