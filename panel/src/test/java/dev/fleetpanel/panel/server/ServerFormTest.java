package dev.fleetpanel.panel.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The add/edit server form as Bean Validation sees it; the messages are i18n keys, checked as
 * templates.
 */
class ServerFormTest {
  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void buildValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  private static ServerForm form(String name, String address, Integer port, String notes) {
    return new ServerForm(name, address, port, null, notes);
  }

  private static ServerForm withAddress(String address) {
    return form("web-1", address, 9100, null);
  }

  /** The message templates of the violations on one property. */
  private static List<String> templates(ServerForm form, String property) {
    Set<ConstraintViolation<ServerForm>> violations = validator.validate(form);
    return violations.stream()
        .filter(v -> v.getPropertyPath().toString().equals(property))
        .map(ConstraintViolation::getMessageTemplate)
        .sorted()
        .toList();
  }

  private static String dnsName(int length) {
    StringBuilder name = new StringBuilder();
    while (name.length() < length) {
      if (name.length() > 0) {
        name.append('.');
      }
      name.append("a".repeat(Math.min(63, length - name.length())));
    }
    return name.toString();
  }

  @Test
  void completeFormIsValid() {
    assertThat(validator.validate(form("web-1", "203.0.113.10", 9100, "rack 4"))).isEmpty();
    assertThat(validator.validate(new ServerForm("web-1", "web-1.example.com", 9100, 42L, null)))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.10",
        "node-1.example.com",
        "2001:db8::1",
        "::1",
        "localhost",
        "node-1.example.com.",
        "WEB1.Example.COM",
        " 203.0.113.10 "
      })
  void hostNamesAndIpAddressesAreAccepted(String address) {
    assertThat(templates(withAddress(address), "address")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "999.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "http://x.com",
        "a b",
        "x.com:22",
        "203.0.113.10:9100",
        "[2001:db8::1]",
        "<script>",
        "-node.example.com",
        "node-.example.com",
        "node..example.com",
        "x.com/path",
        "2001:db8::1::2",
        "fe80::1%eth0"
      })
  void addressesWithSchemePortPathOrBadSyntaxAreRejected(String address) {
    assertThat(templates(withAddress(address), "address"))
        .containsExactly("{server.address.invalid}");
  }

  @Test
  void dnsNameLengthIsLimitedTo253Characters() {
    assertThat(dnsName(253)).hasSize(253);
    assertThat(templates(withAddress(dnsName(253)), "address")).isEmpty();
    assertThat(dnsName(254)).hasSize(254);
    assertThat(templates(withAddress(dnsName(254)), "address"))
        .containsExactly("{server.address.invalid}");
  }

  @Test
  void dnsLabelIsLimitedTo63Characters() {
    assertThat(templates(withAddress("a".repeat(63) + ".example.com"), "address")).isEmpty();
    assertThat(templates(withAddress("a".repeat(64) + ".example.com"), "address"))
        .containsExactly("{server.address.invalid}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankAddressAsksForOneRatherThanCallingItInvalid(String address) {
    assertThat(templates(withAddress(address), "address"))
        .containsExactly("{server.address.required}");
  }

  @Test
  void missingAddressAsksForOne() {
    assertThat(templates(withAddress(null), "address"))
        .containsExactly("{server.address.required}");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE})
  void portOutside1To65535IsRejected(int port) {
    assertThat(templates(form("web-1", "203.0.113.10", port, null), "agentPort"))
        .containsExactly("{server.port.invalid}");
  }

  @Test
  void missingPortIsRejected() {
    assertThat(templates(form("web-1", "203.0.113.10", null, null), "agentPort"))
        .containsExactly("{server.port.invalid}");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 22, ServerForm.DEFAULT_AGENT_PORT, 65535})
  void portFrom1To65535IsAccepted(int port) {
    assertThat(templates(form("web-1", "203.0.113.10", port, null), "agentPort")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " \t "})
  void blankNameIsRejected(String name) {
    assertThat(templates(form(name, "203.0.113.10", 9100, null), "name"))
        .containsExactly("{server.name.required}");
  }

  @Test
  void missingNameIsRejected() {
    assertThat(templates(form(null, "203.0.113.10", 9100, null), "name"))
        .containsExactly("{server.name.required}");
  }

  @Test
  void nameIsLimitedTo100Characters() {
    assertThat(templates(form("n".repeat(100), "203.0.113.10", 9100, null), "name")).isEmpty();
    assertThat(templates(form("n".repeat(101), "203.0.113.10", 9100, null), "name"))
        .containsExactly("{server.name.long}");
  }

  @Test
  void notesAreOptionalAndLimitedTo2000Characters() {
    assertThat(templates(form("web-1", "203.0.113.10", 9100, null), "notes")).isEmpty();
    assertThat(templates(form("web-1", "203.0.113.10", 9100, "x".repeat(2000)), "notes")).isEmpty();
    assertThat(templates(form("web-1", "203.0.113.10", 9100, "x".repeat(2001)), "notes"))
        .containsExactly("{server.notes.long}");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Set<ConstraintViolation<ServerForm>> violations =
        validator.validate(form(" ", "http://x.com", 0, "x".repeat(2001)));

    assertThat(violations)
        .extracting(v -> v.getPropertyPath() + "=" + v.getMessageTemplate())
        .containsExactlyInAnyOrder(
            "name={server.name.required}",
            "address={server.address.invalid}",
            "agentPort={server.port.invalid}",
            "notes={server.notes.long}");
  }
}
