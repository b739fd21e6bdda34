package dev.fleetpanel.panel.server;

import dev.fleetpanel.node.net.Cidr;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A DNS host name (RFC 1123), an IPv4 address or an IPv6 address; no scheme, port or path. Null
 * passes.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HostAddress.Validator.class)
public @interface HostAddress {
  String message() default "{server.address.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the syntax only: no DNS lookup happens while validating a form. */
  final class Validator implements ConstraintValidator<HostAddress, String> {
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || isHost(value.strip());
    }

    public static boolean isHost(String value) {
      if (value.matches("[0-9.]+")) {
        return Cidr.isIpv4(value);
      }
      if (value.contains(":")) {
        return Cidr.isIpv6(value);
      }
      return value.length() <= 253 && value.matches(LABEL + "(\\." + LABEL + ")*\\.?");
    }
  }
}
