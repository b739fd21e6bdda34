package dev.fleetpanel.panel.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {
  private static final Locale RU = Locale.forLanguageTag("ru");

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      return properties;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ru", "ru-RU", "RU", " ru-ru ", "ru-Cyrl-RU"})
  void russianVariantsMapToRussian(String tag) {
    assertThat(Messages.supported(tag)).contains(RU);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-US", "en-GB"})
  void englishVariantsMapToEnglish(String tag) {
    assertThat(Messages.supported(tag)).contains(Locale.ENGLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr-FR", "uk", "", "*", "not a tag"})
  void unsupportedLanguagesAreEmpty(String tag) {
    assertThat(Messages.supported(tag)).isEmpty();
  }

  @Test
  void missingLanguageIsEmpty() {
    assertThat(Messages.supported(null)).isEmpty();
  }

  @Test
  void textsComeFromTheRequestedLanguage() {
    assertThat(Messages.get(Locale.ENGLISH, "nav.servers")).isEqualTo("Servers");
    assertThat(Messages.get(RU, "nav.servers")).isEqualTo("Серверы");
  }

  @Test
  void missingKeyShowsTheKeyAndFindIsEmpty() {
    assertThat(Messages.get(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    assertThat(Messages.find(RU, "no.such.key")).isEmpty();
  }

  @Test
  void englishAndRussianBundlesHaveTheSameKeys() throws IOException {
    Properties english = load("i18n/messages.properties");
    Properties russian = load("i18n/messages_ru.properties");

    assertThat(english).isNotEmpty();
    assertThat(russian.stringPropertyNames())
        .as("keys in messages_ru.properties vs messages.properties")
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
  }

  @Test
  void noTextIsEmpty() throws IOException {
    for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_ru.properties"}) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank();
      }
    }
  }

  @Test
  void textsWithArgumentsAreValidMessageFormats() throws IOException {
    for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_ru.properties"}) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (text.contains("{0")) {
          assertThatCode(() -> new MessageFormat(text, Locale.ROOT))
              .as(bundle + " " + key)
              .doesNotThrowAnyException();
          // a lone apostrophe quotes the rest of the text, so "{0}" would show instead of the value
          assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {7}))
              .as(bundle + " " + key)
              .contains("7")
              .doesNotContain("{0");
        }
      }
    }
  }

  @Test
  void loginAttemptsLeftReadNaturally() {
    MessageFormat en =
        new MessageFormat(Messages.get(Locale.ENGLISH, "login.wrong"), Locale.ENGLISH);
    MessageFormat ru = new MessageFormat(Messages.get(RU, "login.wrong"), RU);

    assertThat(en.format(new Object[] {0}))
        .isEqualTo("Wrong password. No attempts left before a 15-minute ban.");
    assertThat(en.format(new Object[] {1}))
        .isEqualTo("Wrong password. 1 attempt left before a 15-minute ban.");
    assertThat(en.format(new Object[] {4}))
        .isEqualTo("Wrong password. 4 attempts left before a 15-minute ban.");
    assertThat(ru.format(new Object[] {4}))
        .isEqualTo("Неверный пароль. Попыток до бана на 15 минут: 4.");
  }

  @Test
  void quotedNamesKeepTheirQuotes() {
    String text =
        new MessageFormat(Messages.get(Locale.ENGLISH, "server.delete.confirm"), Locale.ENGLISH)
            .format(new Object[] {"web-1"});

    assertThat(text).startsWith("Delete server \"web-1\"?");
  }
}
